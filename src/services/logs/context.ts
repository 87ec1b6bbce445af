// What a CloudWatch Logs operation receives besides its input, and the shape of the dispatch table.
import type { Timeline, Timer } from "../../engine/timeline.js";
import type { RequestContext } from "../../protocol/context.js";
import type { RegionalStore } from "../../state/regional.js";
import type { Input, Operation, Output } from "./generated/operations.js";
import type { GroupRecord, LogsState } from "./store.js";

export interface LogsBackend {
  states: RegionalStore<LogsState>;
  timeline: Timeline;
  /** The pending retention sweep of each group, so one timer per group is enough. */
  expiries: Map<GroupRecord, Timer>;
}

export interface LogsContext {
  state: LogsState;
  request: RequestContext;
  /** The injected clock in milliseconds: CloudWatch Logs times are epoch milliseconds. */
  now(): number;
  /** Deletes what the group's retention no longer keeps and arranges for the rest to go in time. */
  retain(g: GroupRecord): void;
}

export type Handler<Op extends Operation> = (input: Input<Op>, ctx: LogsContext) => Output<Op>;

/** Every operation of the model, each with its handler or null while ecs-local lacks it. */
export type Handlers = { [Op in Operation]: Handler<Op> | null };
