// The default runtime: nothing runs, every state follows its timer, so waiters succeed on their first
// poll. Containers with the awslogs driver still get their (empty) log stream, as they would in ECS.
import { awslogsTarget, type LogSink } from "./awslogs.js";
import type { ContainerRuntime, TaskRun } from "./runtime.js";

export class SimulatedRuntime implements ContainerRuntime {
  readonly kind = "simulated";

  constructor(private readonly logs?: LogSink) {}

  holds(): boolean {
    return false;
  }

  start(run: TaskRun): void {
    if (!this.logs) return;
    for (const def of run.td.containerDefinitions ?? []) {
      const target = awslogsTarget(run, def);
      if (target) this.logs.openStream(target);
    }
  }

  stop(): void {}

  async reset(): Promise<void> {}

  async close(): Promise<void> {}
}
