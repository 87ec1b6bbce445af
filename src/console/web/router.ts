// Hash routes: the page works from a file server's point of view as one document, and every view
// has an address a user can bookmark or share.
export type Route =
  | { page: "clusters" }
  | { page: "cluster"; cluster: string; tab: ClusterTab }
  | { page: "service"; cluster: string; service: string }
  | { page: "task"; cluster: string; task: string }
  | { page: "families" }
  | { page: "family"; family: string; revision?: number }
  | { page: "roles" }
  | { page: "role"; role: string }
  | { page: "parameters" }
  | { page: "parameter"; parameter: string }
  | { page: "secrets" }
  | { page: "secret"; secret: string }
  | { page: "stacks" }
  | { page: "stack"; stack: string; tab: StackTab };

export const CLUSTER_TABS = ["services", "tasks", "infrastructure", "daemons", "events"] as const;
export type ClusterTab = (typeof CLUSTER_TABS)[number];

export const STACK_TABS = ["events", "resources", "outputs", "parameters"] as const;
export type StackTab = (typeof STACK_TABS)[number];

/** The top navigation's sections; every route belongs to one. */
export type Section = "clusters" | "task-definitions" | "stacks" | "roles" | "parameters" | "secrets";

export function sectionOf(route: Route): Section {
  switch (route.page) {
    case "families":
    case "family":
      return "task-definitions";
    case "roles":
    case "role":
      return "roles";
    case "parameters":
    case "parameter":
      return "parameters";
    case "secrets":
    case "secret":
      return "secrets";
    case "stacks":
    case "stack":
      return "stacks";
    default:
      return "clusters";
  }
}

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, "").split("/").filter(Boolean).map(decodeURIComponent);
  if (parts[0] === "clusters" && parts[1]) {
    if (parts[2] === "services" && parts[3]) return { page: "service", cluster: parts[1], service: parts[3] };
    if (parts[2] === "tasks" && parts[3]) return { page: "task", cluster: parts[1], task: parts[3] };
    const tab = (CLUSTER_TABS as readonly string[]).includes(parts[2] ?? "") ? (parts[2] as ClusterTab) : "services";
    return { page: "cluster", cluster: parts[1], tab };
  }
  if (parts[0] === "task-definitions" && parts[1]) {
    const revision = parts[2] ? Number(parts[2]) : undefined;
    return { page: "family", family: parts[1], revision: Number.isInteger(revision) ? revision : undefined };
  }
  if (parts[0] === "task-definitions") return { page: "families" };
  if (parts[0] === "roles") return parts[1] ? { page: "role", role: parts[1] } : { page: "roles" };
  if (parts[0] === "parameters") return parts[1] ? { page: "parameter", parameter: parts[1] } : { page: "parameters" };
  if (parts[0] === "secrets") return parts[1] ? { page: "secret", secret: parts[1] } : { page: "secrets" };
  if (parts[0] === "stacks" && parts[1]) {
    const tab = (STACK_TABS as readonly string[]).includes(parts[2] ?? "") ? (parts[2] as StackTab) : "events";
    return { page: "stack", stack: parts[1], tab };
  }
  if (parts[0] === "stacks") return { page: "stacks" };
  return { page: "clusters" };
}

const e = encodeURIComponent;
export const href = {
  clusters: () => "#/clusters",
  cluster: (cluster: string, tab: ClusterTab = "services") => `#/clusters/${e(cluster)}/${tab}`,
  service: (cluster: string, service: string) => `#/clusters/${e(cluster)}/services/${e(service)}`,
  task: (cluster: string, task: string) => `#/clusters/${e(cluster)}/tasks/${e(task)}`,
  families: () => "#/task-definitions",
  family: (family: string, revision?: number) => `#/task-definitions/${e(family)}${revision ? `/${revision}` : ""}`,
  roles: () => "#/roles",
  role: (name: string) => `#/roles/${e(name)}`,
  parameters: () => "#/parameters",
  /** A name in the page's account and region, or an ARN naming another. */
  parameter: (nameOrArn: string) => `#/parameters/${e(nameOrArn)}`,
  secrets: () => "#/secrets",
  secret: (nameOrArn: string) => `#/secrets/${e(nameOrArn)}`,
  stacks: () => "#/stacks",
  stack: (stack: string, tab: StackTab = "events") => `#/stacks/${e(stack)}/${tab}`,
};
