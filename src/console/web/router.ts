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
  | { page: "namespace"; id: string };

export const CLUSTER_TABS = ["services", "tasks", "infrastructure", "events"] as const;
export type ClusterTab = (typeof CLUSTER_TABS)[number];

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
};
