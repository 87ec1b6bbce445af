// A service: counts, deployments with their rollout, load balancers, its tasks and its events.
import type { Service } from "../../../services/ecs/generated/types.js";
import type { App, Page } from "../app.js";
import * as data from "../data.js";
import { badge, h, link, shortId, table, time } from "../dom.js";
import { deleteServiceDialog, updateServiceDialog } from "../forms/service.js";
import { href } from "../router.js";
import { swap } from "../ui.js";
import { TASK_COLUMNS, taskRows } from "../tabs/tasks.js";

function summary(s: Service): HTMLElement {
  const rows: [string, Node | string][] = [
    ["Status", badge(s.status)],
    ["Service type", s.schedulingStrategy ?? "REPLICA"],
    ["Launch type", s.launchType ?? "—"],
    ["Task definition", shortId(s.taskDefinition)],
    ["Desired tasks", String(s.desiredCount ?? 0)],
    ["Running", String(s.runningCount ?? 0)],
    ["Pending", String(s.pendingCount ?? 0)],
    ["Created", time(s.createdAt)],
  ];
  return h("dl", { class: "summary" }, ...rows.map(([k, v]) => h("div", {}, h("dt", {}, k), h("dd", {}, v))));
}

function deployments(s: Service): HTMLElement {
  return table(
    "Deployments",
    ["Deployment", "Status", "Rollout state", "Task definition", "Desired", "Pending", "Running", "Failed", "Updated"],
    (s.deployments ?? []).map((d) => [h("code", {}, d.id ?? "—"), badge(d.status), h("span", {}, badge(d.rolloutState), d.rolloutStateReason ? h("small", { class: "block muted" }, d.rolloutStateReason) : null), shortId(d.taskDefinition), String(d.desiredCount ?? 0), String(d.pendingCount ?? 0), String(d.runningCount ?? 0), String(d.failedTasks ?? 0), time(d.updatedAt)]),
    "No deployments.",
  );
}

/** Target health needs the load balancer companion; until it runs the column says so, with no made-up state. */
function loadBalancers(app: App, s: Service): HTMLElement {
  const lbs = s.loadBalancers ?? [];
  return table(
    "Load balancers",
    ["Target group", "Container", "Port", "Target health"],
    lbs.map((lb) => [h("code", {}, lb.targetGroupArn ?? lb.loadBalancerName ?? "—"), lb.containerName ?? "—", String(lb.containerPort ?? "—"), app.companions.elbv2 ? "—" : h("span", { class: "muted" }, "Shown when the ELB companion runs")]),
    "No load balancers.",
  );
}

export function servicePage(cluster: string, service: string): Page {
  return {
    title: `${service} · ${cluster}`,
    crumbs: [
      ["Clusters", href.clusters()],
      [cluster, href.cluster(cluster, "services")],
      [service, href.service(cluster, service)],
    ],
    mount(root, app) {
      let current: Service | undefined;
      const head = h("div", { class: "live-slot" });
      const body = h("div", { class: "live-slot" });
      root.append(
        h(
          "div",
          { class: "page-head" },
          h("h1", {}, `Service ${service}`),
          h(
            "div",
            { class: "actions" },
            h("button", { type: "button", class: "primary", onclick: () => current && updateServiceDialog(app, cluster, current) }, "Update service"),
            h("button", { type: "button", class: "danger-outline", onclick: () => current && deleteServiceDialog(app, cluster, current) }, "Delete service"),
          ),
        ),
        head,
        body,
      );
      return {
        async refresh() {
          const r = await app.ecs.call("DescribeServices", { cluster, services: [service] });
          current = r.services?.[0];
          if (!current) {
            swap(head, h("p", { class: "empty" }, `No service ${service} in cluster ${cluster}.`));
            swap(body, h("div"));
            return;
          }
          const s = current;
          const tasks = await data.tasks(app.ecs, cluster, { desiredStatus: "ALL", serviceName: service });
          swap(head, summary(s));
          swap(
            body,
            h(
              "div",
              {},
              h("section", { "aria-labelledby": "svc-deployments" }, h("h2", { id: "svc-deployments" }, "Deployments"), deployments(s)),
              h("section", { "aria-labelledby": "svc-lbs" }, h("h2", { id: "svc-lbs" }, "Load balancing"), loadBalancers(app, s)),
              h("section", { "aria-labelledby": "svc-tasks" }, h("h2", { id: "svc-tasks" }, "Tasks"), table("Tasks of the service", TASK_COLUMNS, taskRows(app, cluster, tasks), "No tasks.")),
              h("section", { "aria-labelledby": "svc-events" }, h("h2", { id: "svc-events" }, "Events"), table("Events, newest first", ["Time", "Message"], (s.events ?? []).map((e) => [time(e.createdAt), e.message ?? ""]), "No events yet.")),
              h("p", {}, link(href.cluster(cluster, "events"), "All events of the cluster")),
            ),
          );
        },
      };
    },
  };
}
