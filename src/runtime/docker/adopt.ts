// Containers an earlier run of this server started, found again by their labels after a restart
// with a state directory: each container of a task is matched to its definition by name, and what
// happened to it while nobody watched (an exit, an OOM kill, a removal, a health status) is read back.
import type { ContainerReport } from "../runtime.js";
import { OUT_OF_MEMORY } from "../runtime.js";
import type { Engine } from "./engine.js";
import type { Box, Running } from "./taskStart.js";

/** Labels naming the task and the container in it (spec.ts writes them). */
export const TASK_LABEL = "com.amazonaws.ecs.task-arn";
const NAME_LABEL = "com.amazonaws.ecs.container-name";

export interface Listed {
  Id: string;
  Names?: string[];
  Labels?: Record<string, string>;
  State?: string;
  Created?: number;
}

/** Every container (running or not) carrying all these labels. */
export function listByLabels(engine: Engine, labels: string[]): Promise<Listed[]> {
  const filters = encodeURIComponent(JSON.stringify({ label: labels }));
  return engine.call<Listed[]>("GET", `/containers/json?all=1&filters=${filters}`);
}

/**
 * Fills the task's boxes from its containers on the engine, in the order they were created; answers
 * the reports of the containers whose state the task does not show yet. A container that is gone
 * counts as one that exited, as a removal seen through the event stream does.
 */
export async function adoptContainers(engine: Engine, r: Running, found: Listed[]): Promise<ContainerReport[]> {
  const reports: ContainerReport[] = [];
  const shown = new Map((r.run.task.containers ?? []).map((c) => [c.name!, c]));
  const byName = new Map(found.map((x) => [x.Labels?.[NAME_LABEL] ?? "", x]));
  const adopted: [Box, Listed][] = [];
  for (const [name, b] of r.boxes) {
    const x = byName.get(name);
    const was = shown.get(name);
    if (!x) {
      // Never created (its task was still starting) or removed by somebody: gone either way.
      b.state = "exited";
      if (was?.lastStatus === "RUNNING") reports.push({ name, status: "STOPPED" });
      continue;
    }
    b.id = x.Id;
    b.plan.dockerName = x.Names?.[0]?.replace(/^\//, "") ?? b.plan.dockerName;
    r.net.names.set(name, b.plan.dockerName);
    adopted.push([b, x]);
    const info = await engine.call("GET", `/containers/${x.Id}/json`).catch(() => undefined);
    const st = info?.State;
    if (st?.Running) {
      b.state = "running";
      const health = st.Health?.Status === "healthy" ? "HEALTHY" : st.Health?.Status === "unhealthy" ? "UNHEALTHY" : undefined;
      b.health = health;
      if (health && was?.healthStatus !== health) reports.push({ name, health });
      continue;
    }
    b.state = "exited";
    b.exitCode = typeof st?.ExitCode === "number" ? st.ExitCode : undefined;
    b.oom = st?.OOMKilled === true;
    if (was?.lastStatus !== "STOPPED") reports.push({ name, status: "STOPPED", exitCode: b.exitCode, ...(b.oom ? { reason: OUT_OF_MEMORY } : {}) });
  }
  adopted.sort((a, b) => (a[1].Created ?? 0) - (b[1].Created ?? 0));
  r.order = adopted.map(([b]) => b);
  if (r.net.mode === "awsvpc") r.net.owner = r.order[0]?.id;
  return reports;
}
