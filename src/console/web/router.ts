// Hash routes: the page works from a file server's point of view as one document, and every view
// has an address a user can bookmark or share.
export type Route =
  | { page: "clusters" }
  | { page: "cluster"; cluster: string; tab: ClusterTab }
  | { page: "service"; cluster: string; service: string }
  | { page: "task"; cluster: string; task: string }
  | { page: "families" }
  | { page: "family"; family: string; revision?: number }
  | { page: "loadBalancers" }
  | { page: "loadBalancer"; name: string }
  | { page: "namespaces" }
  | { page: "namespace"; id: string }
  | { page: "roles" }
  | { page: "role"; role: string }
  | { page: "parameters" }
  | { page: "parameter"; parameter: string }
  | { page: "secrets" }
  | { page: "secret"; secret: string }
  | { page: "stacks" }
  | { page: "stack"; stack: string; tab: StackTab }
  | { page: "repositories" }
  | { page: "repository"; repository: string };

export const CLUSTER_TABS = ["services", "tasks", "infrastructure", "daemons", "events"] as const;
export type ClusterTab = (typeof CLUSTER_TABS)[number];

export const STACK_TABS = ["events", "resources", "outputs", "parameters"] as const;
export type StackTab = (typeof STACK_TABS)[number];

/** The top navigation's sections; every route belongs to one. */
export type Section = "clusters" | "task-definitions" | "repositories" | "load-balancers" | "namespaces" | "stacks" | "roles" | "parameters" | "secrets";

export function sectionOf(route: Route): Section {
  switch (route.page) {
    case "families":
    case "family":
      return "task-definitions";
    case "loadBalancers":
    case "loadBalancer":
      return "load-balancers";
    case "namespaces":
    case "namespace":
      return "namespaces";
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
    case "repositories":
    case "repository":
      return "repositories";
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
  if (parts[0] === "load-balancers") return parts[1] ? { page: "loadBalancer", name: parts[1] } : { page: "loadBalancers" };
  if (parts[0] === "namespaces") return parts[1] ? { page: "namespace", id: parts[1] } : { page: "namespaces" };
  if (parts[0] === "roles") return parts[1] ? { page: "role", role: parts[1] } : { page: "roles" };
  if (parts[0] === "parameters") return parts[1] ? { page: "parameter", parameter: parts[1] } : { page: "parameters" };
  if (parts[0] === "secrets") return parts[1] ? { page: "secret", secret: parts[1] } : { page: "secrets" };
  if (parts[0] === "stacks" && parts[1]) {
    const tab = (STACK_TABS as readonly string[]).includes(parts[2] ?? "") ? (parts[2] as StackTab) : "events";
    return { page: "stack", stack: parts[1], tab };
  }
  if (parts[0] === "stacks") return { page: "stacks" };
  // A repository's name has slashes of its own: the rest of the address is the name.
  if (parts[0] === "repositories") return parts[1] ? { page: "repository", repository: parts.slice(1).join("/") } : { page: "repositories" };
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
  loadBalancers: () => "#/load-balancers",
  loadBalancer: (name: string) => `#/load-balancers/${e(name)}`,
  namespaces: () => "#/namespaces",
  namespace: (id: string) => `#/namespaces/${e(id)}`,
  roles: () => "#/roles",
  role: (name: string) => `#/roles/${e(name)}`,
  parameters: () => "#/parameters",
  /** A name in the page's account and region, or an ARN naming another. */
  parameter: (nameOrArn: string) => `#/parameters/${e(nameOrArn)}`,
  secrets: () => "#/secrets",
  secret: (nameOrArn: string) => `#/secrets/${e(nameOrArn)}`,
  stacks: () => "#/stacks",
  stack: (stack: string, tab: StackTab = "events") => `#/stacks/${e(stack)}/${tab}`,
  repositories: () => "#/repositories",
  repository: (name: string) => `#/repositories/${name.split("/").map(e).join("/")}`,
};
