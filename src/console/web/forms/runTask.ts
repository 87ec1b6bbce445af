// Run new task and Stop task, as the console offers them.
import type { LaunchType, Task } from "../../../services/ecs/generated/types.js";
import type { App } from "../app.js";
import { h, shortId } from "../dom.js";
import { checked, errorText, field, input, notify, openDialog, value } from "../ui.js";
import { launchTypeField, networkConfiguration, networkFields, numberOf, placementField, placementStrategy, taskDefinitionField } from "./common.js";

export async function runTaskDialog(app: App, cluster: string): Promise<void> {
  let body: HTMLElement;
  try {
    body = await taskDefinitionField(app);
  } catch (e) {
    return notify(errorText(e), "error");
  }
  openDialog(
    {
      title: "Run new task",
      submitLabel: "Run task",
      body: [
        body,
        launchTypeField(),
        field("Number of tasks", input("count", { type: "number", min: 1, max: 10, value: 1, inputmode: "numeric" }), "1 to 10 per request."),
        placementField(),
        h("div", { class: "field check" }, h("input", { type: "checkbox", id: "run-distinct", name: "distinct" }), h("label", { for: "run-distinct" }, "One task per container instance (distinctInstance)")),
        networkFields(),
      ],
      async submit(form) {
        const r = await app.ecs.call("RunTask", {
          cluster,
          taskDefinition: value(form, "taskDefinition"),
          launchType: value(form, "launchType") as LaunchType,
          count: numberOf(form, "count"),
          placementStrategy: placementStrategy(form),
          placementConstraints: checked(form, "distinct") ? [{ type: "distinctInstance" }] : undefined,
          networkConfiguration: networkConfiguration(form),
        });
        const started = r.tasks?.length ?? 0;
        const failures = r.failures ?? [];
        // Tasks that could not be placed are not an error to ECS: RunTask answers them as failures.
        if (!started && failures.length) throw new Error(`No task started: ${failures.map((f) => `${f.reason}${f.detail ? ` (${f.detail})` : ""}`).join(", ")}`);
        return `Started ${started} task${started === 1 ? "" : "s"}: ${(r.tasks ?? []).map((t) => shortId(t.taskArn).slice(0, 12)).join(", ")}.${failures.length ? ` ${failures.length} could not be placed: ${failures.map((f) => f.reason).join(", ")}.` : ""}`;
      },
    },
    app.refresh,
  );
}

export function stopTaskDialog(app: App, cluster: string, task: Task): void {
  const id = shortId(task.taskArn);
  openDialog(
    {
      title: `Stop task ${id.slice(0, 12)}?`,
      submitLabel: "Stop",
      danger: true,
      body: [
        task.group?.startsWith("service:") ? h("p", {}, `This task belongs to ${task.group.slice(8)}; the service starts a replacement.`) : null,
        field("Reason (optional)", input("reason", { autocomplete: "off" })),
      ],
      async submit(form) {
        const reason = value(form, "reason");
        await app.ecs.call("StopTask", { cluster, task: task.taskArn!, ...(reason ? { reason } : {}) });
        return `Task ${id.slice(0, 12)} is stopping.`;
      },
    },
    app.refresh,
  );
}
