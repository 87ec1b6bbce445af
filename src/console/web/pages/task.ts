// A task: its statuses, where it runs, why it stopped, and each container with its exit code.
import type { Task } from "../../../services/ecs/generated/types.js";
import type { App, Page } from "../app.js";
import { badge, h, shortId, table, time } from "../dom.js";
import { href } from "../router.js";
import { swap } from "../ui.js";
import { stopButton } from "../tabs/tasks.js";

function summary(t: Task): HTMLElement {
  const rows: [string, Node | string][] = [
    ["Last status", badge(t.lastStatus)],
    ["Desired status", t.desiredStatus ?? "—"],
    ["Task definition", shortId(t.taskDefinitionArn)],
    ["Launch type", t.launchType ?? "—"],
    ["Group", t.group ?? "—"],
    ["Started by", t.startedBy ?? "—"],
    ["Container instance", t.containerInstanceArn ? h("code", {}, shortId(t.containerInstanceArn)) : "—"],
    ["Availability zone", t.availabilityZone ?? "—"],
    ["CPU / memory", `${t.cpu ?? "—"} / ${t.memory ?? "—"}`],
    ["Created", time(t.createdAt)],
    ["Started", time(t.startedAt)],
    ["Stopped", time(t.stoppedAt)],
    ["Stop code", t.stopCode ?? "—"],
    ["Stopped reason", t.stoppedReason ?? "—"],
  ];
  return h("dl", { class: "summary" }, ...rows.map(([k, v]) => h("div", {}, h("dt", {}, k), h("dd", {}, v))));
}

/** Logs need the CloudWatch Logs companion; until then the column names where they will be. */
function containers(app: App, t: Task): HTMLElement {
  return table(
    "Containers",
    ["Container", "Image", "Last status", "Exit code", "Reason", "Network bindings", "Health", "Logs"],
    (t.containers ?? []).map((c) => [
      c.name ?? "—",
      h("code", {}, c.image ?? "—"),
      badge(c.lastStatus),
      c.exitCode !== undefined ? String(c.exitCode) : "—",
      c.reason ?? "—",
      (c.networkBindings ?? []).map((b) => `${b.hostPort}→${b.containerPort}/${b.protocol ?? "tcp"}`).join(", ") || (c.networkInterfaces ?? []).map((n) => n.privateIpv4Address).join(", ") || "—",
      c.healthStatus ?? "—",
      app.companions.logs ? "—" : h("span", { class: "muted" }, "Shown when the Logs companion runs"),
    ]),
    "No containers.",
  );
}

export function taskPage(cluster: string, task: string): Page {
  return {
    title: `Task ${task.slice(0, 12)}`,
    crumbs: [
      ["Clusters", href.clusters()],
      [cluster, href.cluster(cluster, "tasks")],
      [`Task ${task.slice(0, 12)}`, href.task(cluster, task)],
    ],
    mount(root, app) {
      const actions = h("div", { class: "actions live-slot" });
      const body = h("div", { class: "live-slot" });
      root.append(h("div", { class: "page-head" }, h("h1", {}, "Task ", h("code", {}, task)), actions), body);
      return {
        async refresh() {
          const r = await app.ecs.call("DescribeTasks", { cluster, tasks: [task] });
          const t = r.tasks?.[0];
          if (!t) {
            swap(body, h("p", { class: "empty" }, `No task ${task} in cluster ${cluster} (ECS forgets stopped tasks after about an hour).`));
            return;
          }
          swap(actions, h("span", {}, stopButton(app, cluster, t)));
          swap(body, h("div", {}, summary(t), h("h2", {}, "Containers"), containers(app, t)));
        },
      };
    },
  };
}
