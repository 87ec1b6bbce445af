// A cluster: its counts, the actions the console offers at cluster level, and the tabs
// Services / Tasks / Infrastructure / Daemons / Events.
import type { App, Page } from "../app.js";
import * as data from "../data.js";
import { badge, h } from "../dom.js";
import { createServiceDialog } from "../forms/service.js";
import { runTaskDialog } from "../forms/runTask.js";
import { CLUSTER_TABS, href, type ClusterTab } from "../router.js";
import { openDialog, swap } from "../ui.js";
import { servicesTab } from "../tabs/services.js";
import { tasksTab } from "../tabs/tasks.js";
import { infrastructureTab } from "../tabs/infrastructure.js";
import { eventsTab } from "../tabs/events.js";
import { daemonsTab } from "../tabs/daemons.js";

const TAB_LABELS: Record<ClusterTab, string> = { services: "Services", tasks: "Tasks", infrastructure: "Infrastructure", daemons: "Daemons", events: "Events" };

export interface Tab {
  mount(root: HTMLElement, app: App, cluster: string): { refresh(): Promise<void> };
}

const TABS: Record<ClusterTab, Tab> = { services: servicesTab, tasks: tasksTab, infrastructure: infrastructureTab, daemons: daemonsTab, events: eventsTab };

function deleteClusterDialog(app: App, cluster: string): void {
  openDialog(
    {
      title: `Delete cluster ${cluster}?`,
      submitLabel: "Delete",
      danger: true,
      body: [h("p", {}, "ECS refuses while the cluster still has services, tasks or container instances.")],
      async submit() {
        await app.ecs.call("DeleteCluster", { cluster });
        location.hash = href.clusters();
        return `Cluster ${cluster} deleted.`;
      },
    },
    app.refresh,
  );
}

export function clusterPage(cluster: string, tab: ClusterTab): Page {
  return {
    title: `${cluster} · ${TAB_LABELS[tab]}`,
    crumbs: [
      ["Clusters", href.clusters()],
      [cluster, href.cluster(cluster, tab)],
    ],
    mount(root, app) {
      const summary = h("div", { class: "summary-slot" });
      const body = h("div", { class: "tab-body", id: `tab-${tab}` });
      root.append(
        h(
          "div",
          { class: "page-head" },
          h("h1", {}, `Cluster ${cluster}`),
          h(
            "div",
            { class: "actions" },
            h("button", { type: "button", class: "primary", onclick: () => runTaskDialog(app, cluster) }, "Run new task"),
            h("button", { type: "button", onclick: () => createServiceDialog(app, cluster) }, "Create service"),
            h("button", { type: "button", class: "danger-outline", onclick: () => deleteClusterDialog(app, cluster) }, "Delete cluster"),
          ),
        ),
        summary,
        h("nav", { class: "tabs", "aria-label": "Cluster sections" }, ...CLUSTER_TABS.map((t) => h("a", { href: href.cluster(cluster, t), "aria-current": t === tab ? "page" : undefined }, TAB_LABELS[t]))),
        body,
      );
      const content = TABS[tab].mount(body, app, cluster);
      return {
        async refresh() {
          const c = await data.cluster(app.ecs, cluster);
          if (!c) {
            swap(summary, h("p", { class: "empty" }, `No cluster named ${cluster} in account ${app.ecs.where.accountId}, ${app.ecs.where.region}.`));
            return;
          }
          swap(
            summary,
            h(
              "dl",
              { class: "summary" },
              ...([
                ["Status", badge(c.status)],
                ["Services", String(c.activeServicesCount ?? 0)],
                ["Running tasks", String(c.runningTasksCount ?? 0)],
                ["Pending tasks", String(c.pendingTasksCount ?? 0)],
                ["Container instances", String(c.registeredContainerInstancesCount ?? 0)],
              ] as [string, Node | string][]).map(([k, v]) => h("div", {}, h("dt", {}, k), h("dd", {}, v))),
            ),
          );
          await content.refresh();
        },
      };
    },
  };
}
