// The Tasks tab: filters as in the console (desired status, launch type, service), each task's
// statuses, times, stop code and reason, container exit codes and instance; Stop on running ones.
import type { DesiredStatus, LaunchType, Task } from "../../../services/ecs/generated/types.js";
import type { App } from "../app.js";
import type { Tab } from "../pages/cluster.js";
import * as data from "../data.js";
import { badge, h, link, shortId, table, time } from "../dom.js";
import { stopTaskDialog } from "../forms/runTask.js";
import { href } from "../router.js";
import { field, select, swap } from "../ui.js";

export function exitCodes(t: Task): string {
  const codes = (t.containers ?? []).filter((c) => c.exitCode !== undefined).map((c) => `${c.name}: ${c.exitCode}`);
  return codes.join(", ") || "—";
}

export function stopButton(app: App, cluster: string, t: Task): HTMLElement | string {
  if (t.desiredStatus === "STOPPED") return "—";
  const id = shortId(t.taskArn);
  return h("button", { type: "button", class: "danger-outline", "data-key": `stop-${id}`, "aria-label": `Stop task ${id}`, onclick: () => stopTaskDialog(app, cluster, t) }, "Stop");
}

export function taskRows(app: App, cluster: string, tasks: Task[]) {
  return tasks.map((t) => {
    const id = shortId(t.taskArn);
    return [
      link(href.task(cluster, id), h("code", {}, id.slice(0, 12))),
      badge(t.lastStatus),
      t.desiredStatus ?? "—",
      shortId(t.taskDefinitionArn),
      t.group ?? "—",
      t.launchType ?? "—",
      t.containerInstanceArn ? h("code", {}, shortId(t.containerInstanceArn).slice(0, 12)) : "—",
      h("span", { class: "nowrap" }, time(t.startedAt), t.stoppedAt ? h("span", { class: "block" }, `stopped ${time(t.stoppedAt)}`) : null),
      t.stopCode ? h("span", {}, h("strong", {}, t.stopCode), h("br"), t.stoppedReason ?? "") : (t.stoppedReason ?? "—"),
      exitCodes(t),
      stopButton(app, cluster, t),
    ];
  });
}

export const TASK_COLUMNS = ["Task", "Last status", "Desired", "Task definition", "Group", "Launch", "Instance", "Started / stopped", "Stop code and reason", "Exit codes", "Actions"];

export const tasksTab: Tab = {
  mount(root, app, cluster) {
    const filter: data.TaskFilter = { desiredStatus: "RUNNING" };
    const status = select("desiredStatus", [["RUNNING", "Running"], ["STOPPED", "Stopped"], ["ALL", "Any desired status"]], "RUNNING");
    const launch = select("launchType", [["", "Any launch type"], "EC2", "FARGATE", "EXTERNAL"]);
    const service = select("serviceName", [["", "Any service"]]);
    let serviceNames = "";
    const changed = (): void => {
      filter.desiredStatus = status.value as DesiredStatus | "ALL";
      filter.launchType = (launch.value || undefined) as LaunchType | undefined;
      filter.serviceName = service.value || undefined;
      app.refresh();
    };
    for (const s of [status, launch, service]) s.addEventListener("change", changed);
    const slot = h("div", { class: "live-slot" });
    root.append(
      h("h2", { class: "sr-only" }, "Tasks"),
      h("div", { class: "filters", role: "group", "aria-label": "Filter tasks" }, field("Desired status", status), field("Launch type", launch), field("Service", service)),
      slot,
    );
    return {
      async refresh() {
        const [tasks, services] = await Promise.all([data.tasks(app.ecs, cluster, filter), app.ecs.all("ListServices", { cluster }, "serviceArns")]);
        // The service picker is rebuilt only when the set of services changes, so it never
        // closes under the user's pointer.
        const names = services.map(shortId).sort();
        if (names.join() !== serviceNames) {
          serviceNames = names.join();
          const chosen = service.value;
          service.replaceChildren(h("option", { value: "" }, "Any service"), ...names.map((n) => h("option", { value: n, selected: n === chosen }, n)));
        }
        swap(slot, table("Tasks", TASK_COLUMNS, taskRows(app, cluster, tasks), filter.desiredStatus === "STOPPED" ? "No stopped tasks (ECS keeps them for about an hour)." : "No tasks match these filters."));
      },
    };
  },
};
