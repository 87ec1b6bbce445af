// Clusters: every cluster of the account and region with its counts, and "Create cluster".
import type { Page } from "../app.js";
import * as data from "../data.js";
import { badge, h, link, table } from "../dom.js";
import { createClusterDialog } from "../forms/cluster.js";
import { href } from "../router.js";
import { swap } from "../ui.js";

export function clustersPage(): Page {
  return {
    title: "Clusters",
    crumbs: [["Clusters", href.clusters()]],
    mount(root, app) {
      const slot = h("div", { class: "live-slot" });
      root.append(
        h("div", { class: "page-head" }, h("h1", {}, "Clusters"), h("div", { class: "actions" }, h("button", { type: "button", class: "primary", onclick: () => createClusterDialog(app) }, "Create cluster"))),
        h("section", { "aria-label": "Clusters" }, slot),
      );
      return {
        async refresh() {
          const list = await data.clusters(app.ecs);
          swap(
            slot,
            table(
              "Clusters",
              ["Cluster", "Status", "Services", "Running tasks", "Pending tasks", "Container instances", "Capacity providers"],
              list.map((c) => [
                link(href.cluster(c.clusterName!), c.clusterName!),
                badge(c.status),
                String(c.activeServicesCount ?? 0),
                String(c.runningTasksCount ?? 0),
                String(c.pendingTasksCount ?? 0),
                String(c.registeredContainerInstancesCount ?? 0),
                (c.capacityProviders ?? []).join(", ") || "—",
              ]),
              `No clusters in ${app.ecs.where.region} for account ${app.ecs.where.accountId}. Create one to start.`,
            ),
          );
        },
      };
    },
  };
}
