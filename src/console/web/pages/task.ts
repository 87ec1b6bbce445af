// A task: its statuses, where it runs, why it stopped, each container with its exit code, its roles
// with their current sessions, what its containers read at the task metadata endpoint, and each
// container's CloudWatch Logs when it uses the awslogs driver, followed live.
import type { ContainerDefinition, Task } from "../../../services/ecs/generated/types.js";
import type { App, Page } from "../app.js";
import { badge, h, shortId, table, time } from "../dom.js";
import { href } from "../router.js";
import { awslogsStream, logDriver, LogPanel } from "../logs.js";
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

/** The task's containers; the Logs column says where each one's output goes. */
function containers(t: Task, defs: Map<string, ContainerDefinition>): HTMLElement {
  return table(
    "Containers",
    ["Container", "Image", "Last status", "Exit code", "Reason", "Network bindings", "Health", "Log driver"],
    (t.containers ?? []).map((c) => [
      c.name ?? "—",
      h("code", {}, c.image ?? "—"),
      badge(c.lastStatus),
      c.exitCode !== undefined ? String(c.exitCode) : "—",
      c.reason ?? "—",
      (c.networkBindings ?? []).map((b) => `${b.hostPort}→${b.containerPort}/${b.protocol ?? "tcp"}`).join(", ") || (c.networkInterfaces ?? []).map((n) => n.privateIpv4Address).join(", ") || "—",
      c.healthStatus ?? "—",
      logDriver(defs.get(c.name ?? "")) ?? "—",
    ]),
    "No containers.",
  );
}

interface RoleView {
  kind: "task" | "execution";
  roleArn: string;
  sessionArn?: string;
  accessKeyId?: string;
  expiration?: string;
}

interface MetadataView {
  metadata: unknown;
  endpoints: { container: string; path: string }[];
  roles: RoleView[];
}

/** The task as its containers see it (GET /_ecs-local/task-metadata, the server's own view of its task endpoints). */
async function readMetadata(taskArn: string): Promise<MetadataView | string> {
  const res = await fetch(`/_ecs-local/task-metadata?task=${encodeURIComponent(taskArn)}`);
  const body = (await res.json()) as MetadataView & { message?: string };
  return res.ok ? body : (body.message ?? `HTTP ${res.status}`);
}

function roles(view: MetadataView): HTMLElement {
  return table(
    "Roles",
    ["Role", "ARN", "Session", "Access key", "Expires"],
    view.roles.map((r) => [r.kind === "task" ? "Task role" : "Task execution role", h("code", {}, r.roleArn), r.sessionArn ? h("code", {}, r.sessionArn) : "—", r.accessKeyId ? h("code", {}, r.accessKeyId) : "—", r.expiration ?? "—"]),
    "No task role and no task execution role: its containers get no credentials.",
  );
}

function metadata(view: MetadataView): HTMLElement {
  return h(
    "section",
    { "aria-label": "Task metadata endpoint" },
    h("p", {}, "What ", h("code", {}, "${ECS_CONTAINER_METADATA_URI_V4}/task"), " answers each container of this task (", ...view.endpoints.flatMap((e, i) => [i ? ", " : "", h("code", {}, `${e.container}: ${e.path}`)]), "):"),
    h("pre", { class: "json" }, JSON.stringify(view.metadata, null, 2)),
  );
}

/**
 * The Logs section: one panel per container that uses awslogs, created once and then only
 * appended to, so a reader's scroll position survives the page's live refresh.
 */
class TaskLogs {
  readonly element = h("div", { class: "logs" });
  private readonly panels = new Map<string, LogPanel>();
  private readonly notes = new Map<string, HTMLElement>();

  async refresh(app: App, t: Task, defs: Map<string, ContainerDefinition>): Promise<void> {
    const taskId = shortId(t.taskArn);
    for (const c of t.containers ?? []) {
      const name = c.name ?? "";
      const def = defs.get(name);
      const source = awslogsStream(app.ecs.where, def, c, taskId);
      if (source && !this.panels.has(name)) {
        const panel = new LogPanel(name, source);
        this.panels.set(name, panel);
        this.element.appendChild(panel.element);
      } else if (!source && !this.notes.has(name)) {
        const driver = logDriver(def);
        const note = h("section", { class: "log-panel", "aria-label": `Logs: ${name}` }, h("h3", {}, `Logs: ${name}`), h("p", { class: "empty" }, `This container does not use the awslogs log driver (${driver ? `its driver is ${driver}` : "its task definition sets no logConfiguration"}), so its output is not in CloudWatch Logs. Add a logConfiguration with logDriver awslogs and an awslogs-group to see it here.`));
        this.notes.set(name, note);
        this.element.appendChild(note);
      }
    }
    await Promise.all([...this.panels.values()].map((p) => p.poll()));
  }
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
      const logs = new TaskLogs();
      // The task definition never changes for a task: read once.
      let defs: Map<string, ContainerDefinition> | undefined;
      const endpoint = h("div", { class: "live-slot" });
      root.append(h("div", { class: "page-head" }, h("h1", {}, "Task ", h("code", {}, task)), actions), body, endpoint, h("h2", {}, "Logs"), logs.element);
      return {
        async refresh() {
          const r = await app.ecs.call("DescribeTasks", { cluster, tasks: [task] });
          const t = r.tasks?.[0];
          if (!t) {
            swap(body, h("p", { class: "empty" }, `No task ${task} in cluster ${cluster} (ECS forgets stopped tasks after about an hour).`));
            return;
          }
          swap(actions, h("span", {}, stopButton(app, cluster, t)));
          if (!defs && t.taskDefinitionArn) {
            const td = await app.ecs.call("DescribeTaskDefinition", { taskDefinition: t.taskDefinitionArn });
            defs = new Map((td.taskDefinition?.containerDefinitions ?? []).map((d) => [d.name ?? "", d]));
          }
          swap(body, h("div", {}, summary(t), h("h2", {}, "Containers"), containers(t, defs ?? new Map())));
          const view = await readMetadata(t.taskArn ?? "");
          swap(endpoint, typeof view === "string" ? h("p", { class: "empty", role: "alert" }, view) : h("div", {}, h("h2", {}, "Roles"), roles(view), h("h2", {}, "Metadata endpoint"), metadata(view)));
          await logs.refresh(app, t, defs ?? new Map());
        },
      };
    },
  };
}
