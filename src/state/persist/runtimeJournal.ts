// With real containers, what the engine reports comes from no request: each report on a task, each
// engine lost or back, and each stream opened or line written to CloudWatch Logs is an entry of its
// own. A replay runs the lifecycle on a runtime that runs nothing and hands it those entries in place
// of the engine; afterwards the real runtime takes over the containers (registry.resumeTasks).
import type { LogSink } from "../../runtime/awslogs.js";
import type { ContainerInstance } from "../../services/ecs/generated/types.js";
import type { ContainerRuntime, TaskEvents, TaskRun, TaskUsage } from "../../runtime/runtime.js";
import { decode, encode } from "./codec.js";
import type { Entry } from "./journal.js";

/** An entry without its moment: persistence stamps it with the clock it holds for the turn. */
export type RuntimeEntry = Pick<Entry, "service" | "operation" | "context" | "input">;

const TASK_EVENTS = new Set(["started", "changed", "failed", "stopped"]);

function taskEntry(run: TaskRun, operation: string, args: unknown[]): RuntimeEntry {
  return { service: "ecs", operation, context: JSON.stringify({ taskArn: run.task.taskArn }), input: encode(args) };
}

/** The task's reports, each recorded before the lifecycle hears it. */
function recorded(run: TaskRun, events: TaskEvents, record: (e: RuntimeEntry) => void): TaskEvents {
  const wrap =
    <K extends keyof TaskEvents>(name: K) =>
    (...args: Parameters<TaskEvents[K]>): void => {
      record(taskEntry(run, name, args));
      (events[name] as (...a: unknown[]) => void)(...args);
    };
  return { started: wrap("started"), changed: wrap("changed"), failed: wrap("failed"), stopped: wrap("stopped") };
}

/**
 * The tasks handed to a runtime and not yet STOPPED, by ARN: what their reports land on. A snapshot
 * keeps them (the run is state: its task, revision and instance), so that a replay of the journal's
 * tail hands the reports it holds to the right task.
 */
export class HandedRuns {
  readonly runs = new Map<string, TaskRun>();

  note(run: TaskRun): void {
    this.runs.set(run.task.taskArn!, run);
  }

  /** The runs whose tasks may still hear from the runtime. */
  live(): Map<string, TaskRun> {
    for (const [arn, run] of this.runs) if (run.task.lastStatus === "STOPPED") this.runs.delete(arn);
    return this.runs;
  }
}

/** The real runtime, with every report it makes recorded. */
export class RecordingRuntime implements ContainerRuntime {
  readonly handed = new HandedRuns();
  readonly kind: ContainerRuntime["kind"];
  onEngine?: (endpoint: string, up: boolean) => void;
  readonly endpointOf?: (instance: ContainerInstance) => string;
  /** Measurements are not reports: whoever uses them journals what it makes of them. */
  readonly usage?: (taskArn: string) => Promise<TaskUsage | undefined>;
  readonly inspect?: ContainerRuntime["inspect"];
  readonly stats?: ContainerRuntime["stats"];

  constructor(
    private readonly real: ContainerRuntime,
    private readonly record: (e: RuntimeEntry) => void,
  ) {
    this.kind = real.kind;
    if (real.endpointOf) this.endpointOf = (i) => real.endpointOf!(i);
    if (real.usage) this.usage = (arn) => real.usage!(arn);
    if (real.inspect) this.inspect = (arn) => real.inspect!(arn);
    if (real.stats) this.stats = (arn) => real.stats!(arn);
    real.onEngine = (endpoint, up) => {
      record({ service: "ecs", operation: "engine", context: "{}", input: encode([endpoint, up]) });
      this.onEngine?.(endpoint, up);
    };
  }

  holds(status: string): boolean {
    return this.real.holds(status);
  }

  start(run: TaskRun, events: TaskEvents): void {
    this.handed.note(run);
    this.real.start(run, recorded(run, events, this.record));
  }

  stop(run: TaskRun, events: TaskEvents): void {
    this.handed.note(run);
    this.real.stop(run, recorded(run, events, this.record));
  }

  resume(run: TaskRun, events: TaskEvents, status: string): Promise<void> {
    return this.real.resume ? this.real.resume(run, recorded(run, events, this.record), status) : Promise.resolve();
  }

  sweep(keep: ReadonlySet<string>, endpoints: string[]): Promise<void> {
    return this.real.sweep ? this.real.sweep(keep, endpoints) : Promise.resolve();
  }

  reset(): Promise<void> {
    this.handed.runs.clear();
    return this.real.reset();
  }

  close(): Promise<void> {
    return this.real.close();
  }
}

/** Records what the runtime writes to CloudWatch Logs; the sink object itself is changed, as the runtime holds it. */
export function recordSink(sink: LogSink, record: (e: RuntimeEntry) => void): void {
  const { openStream, append } = sink;
  sink.openStream = (target) => {
    record({ service: "logs", operation: "openStream", context: "{}", input: encode([target]) });
    return openStream.call(sink, target);
  };
  sink.append = (target, lines) => {
    record({ service: "logs", operation: "append", context: "{}", input: encode([target, lines]) });
    append.call(sink, target, lines);
  };
}

/** Replay's runtime: it runs nothing, and remembers where each task's reports go until the journal hands them over. */
export class ReplayRuntime implements ContainerRuntime {
  readonly kind: ContainerRuntime["kind"];
  onEngine?: (endpoint: string, up: boolean) => void;
  readonly endpointOf?: (instance: ContainerInstance) => string;
  private readonly events = new Map<string, TaskEvents>();
  readonly handed = new HandedRuns();

  constructor(private readonly real: ContainerRuntime) {
    this.kind = real.kind;
    if (real.endpointOf) this.endpointOf = (i) => real.endpointOf!(i);
  }

  holds(status: string): boolean {
    return this.real.holds(status);
  }

  start(run: TaskRun, events: TaskEvents): void {
    this.handed.note(run);
    this.events.set(run.task.taskArn!, events);
  }

  stop(run: TaskRun, events: TaskEvents): void {
    this.handed.note(run);
    this.events.set(run.task.taskArn!, events);
  }

  /** A snapshot's runs: where the tail's reports go, with the lifecycle's events made again for each. */
  restore(runs: Map<string, TaskRun>, eventsOf: (run: TaskRun) => TaskEvents): void {
    for (const [arn, run] of runs) {
      this.handed.note(run);
      this.events.set(arn, eventsOf(run));
    }
  }

  async reset(): Promise<void> {
    this.events.clear();
    this.handed.runs.clear();
  }

  async close(): Promise<void> {}

  /** Hands one recorded report to whom it was made: a task's lifecycle, the engine watch, or CloudWatch Logs. */
  apply(e: Entry, sink: LogSink): void {
    const args = decode(e.input!) as unknown[];
    if (e.service === "logs") {
      if (e.operation === "openStream") sink.openStream(args[0] as never);
      else if (e.operation === "append") sink.append(args[0] as never, args[1] as never);
      return;
    }
    if (e.operation === "engine") return this.onEngine?.(args[0] as string, args[1] as boolean);
    if (!TASK_EVENTS.has(e.operation!)) return;
    const events = this.events.get((JSON.parse(e.context!) as { taskArn: string }).taskArn);
    (events?.[e.operation as keyof TaskEvents] as ((...a: unknown[]) => void) | undefined)?.(...args);
  }
}
