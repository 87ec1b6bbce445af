// A service: counts, deployments with their rollout, load balancing with target health, its tasks and its events.
import type { LoadBalancer as LoadBalancerEntry, Service } from "../../../services/ecs/generated/types.js";
import type { App, Page } from "../app.js";
import * as data from "../data.js";
import { badge, h, link, shortId, table, time } from "../dom.js";
import { deleteServiceDialog, updateServiceDialog } from "../forms/service.js";
import { href } from "../router.js";
import { expressSection } from "./expressSection.js";
import * as elbv2 from "../elbv2.js";
import { errorText, swap } from "../ui.js";
import { TASK_COLUMNS, taskRows } from "../tabs/tasks.js";
import { serviceScalingSection } from "./serviceScaling.js";

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

/**
 * One loadBalancers entry as the AWS console's Load balancing panel shows it: the target group
 * (name, protocol and port, target type) and its load balancer's DNS name from ELBv2, then every
 * target's health by DescribeTargetHealth. ELBv2's errors are shown in place as Code: message.
 */
async function loadBalancer(app: App, lb: LoadBalancerEntry, n: number): Promise<HTMLElement> {
  const arn = lb.targetGroupArn;
  const mapping = `Container ${lb.containerName ?? "—"} port ${lb.containerPort ?? "—"}`;
  if (!arn) return h("div", { class: "lb" }, h("h3", {}, `Classic Load Balancer ${lb.loadBalancerName ?? "—"}`), h("p", { class: "muted" }, mapping));
  const name = arn.split("/").slice(-2, -1)[0] ?? arn;
  try {
    const tg = await elbv2.targetGroup(app.elbv2, arn);
    const [lbs, health] = await Promise.all([elbv2.loadBalancers(app.elbv2, tg?.LoadBalancerArns ?? []), elbv2.targetHealth(app.elbv2, arn)]);
    const facts: [string, Node | string][] = [
      ["Target group", h("code", {}, tg?.TargetGroupName ?? name)],
      ["Protocol : port", `${tg?.Protocol ?? "—"} : ${tg?.Port ?? "—"}`],
      ["Target type", tg?.TargetType ?? "—"],
      ["Load balancer", lbs.length ? h("span", {}, ...lbs.map((l) => h("span", { class: "block" }, `${l.LoadBalancerName} `, badge(l.State?.Code)))) : "—"],
      ["DNS name", lbs.length ? h("span", {}, ...lbs.map((l) => h("code", { class: "block" }, l.DNSName ?? "—"))) : "—"],
      ["Container", `${lb.containerName ?? "—"} : ${lb.containerPort ?? "—"}`],
    ];
    return h(
      "div",
      { class: "lb" },
      h("h3", {}, "Target group ", h("code", {}, tg?.TargetGroupName ?? name)),
      h("dl", { class: "summary" }, ...facts.map(([k, v]) => h("div", {}, h("dt", {}, k), h("dd", {}, v)))),
      h("h4", {}, `Registered targets (${health.length})`),
      table(
        `Targets of ${tg?.TargetGroupName ?? name}`,
        ["Target", "Port", "Zone", "Health status", "Health status details"],
        health.map((d) => [h("code", {}, d.Target?.Id ?? "—"), String(d.Target?.Port ?? "—"), d.Target?.AvailabilityZone ?? "—", badge(d.TargetHealth?.State), [d.TargetHealth?.Reason ? h("code", {}, d.TargetHealth.Reason) : null, d.TargetHealth?.Description ? h("small", { class: "block muted" }, d.TargetHealth.Description) : null]]),
        "No targets registered.",
      ),
    );
  } catch (e) {
    return h("div", { class: "lb" }, h("h3", {}, "Target group ", h("code", {}, name)), h("p", { class: "form-error", id: `lb-error-${n}` }, errorText(e)), h("p", { class: "muted" }, mapping));
  }
}

async function loadBalancing(app: App, s: Service): Promise<HTMLElement> {
  const lbs = s.loadBalancers ?? [];
  if (lbs.length === 0) return h("p", { class: "empty" }, "No load balancers.");
  return h("div", {}, ...(await Promise.all(lbs.map((lb, i) => loadBalancer(app, lb, i)))));
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
          const [tasks, lbs, scaling, express] = await Promise.all([
            data.tasks(app.ecs, cluster, { desiredStatus: "ALL", serviceName: service }),
            loadBalancing(app, s),
            serviceScalingSection(app, cluster, s.clusterArn, service),
            expressSection(app, s),
          ]);
          swap(head, summary(s));
          swap(
            body,
            h(
              "div",
              {},
              ...(express ? [express] : []),
              h("section", { "aria-labelledby": "svc-deployments" }, h("h2", { id: "svc-deployments" }, "Deployments"), deployments(s)),
              h("section", { "aria-labelledby": "svc-lbs" }, h("h2", { id: "svc-lbs" }, "Load balancing"), lbs),
              h("section", { "aria-labelledby": "svc-scaling" }, h("h2", { id: "svc-scaling" }, "Service auto scaling"), scaling),
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
