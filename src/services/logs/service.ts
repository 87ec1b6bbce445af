// CloudWatch Logs behind the awsJson protocol, and the sink the container runtimes write to.
import { snapshotBackend } from "../../state/snapshotRegistry.js";
import type { Timeline } from "../../engine/timeline.js";
import { AwsError } from "../../protocol/errors.js";
import type { JsonService } from "../../protocol/json.js";
import type { LogLine, LogSink, LogTarget } from "../../runtime/awslogs.js";
import { RegionalStore } from "../../state/regional.js";
import type { Handler, Handlers, LogsBackend, LogsContext } from "./context.js";
import { append } from "./domain/events.js";
import { newGroup, newStream } from "./domain/groups.js";
import { InvalidOperationException, InvalidParameterException } from "./generated/errors.js";
import { OPERATION_ERRORS, OPERATIONS, TARGET_PREFIX, type Operation } from "./generated/operations.js";
import { createLogsState, type GroupRecord, type LogsState } from "./store.js";
import { expire, nextExpiry } from "./domain/retention.js";
import { lazyOperations } from "../lazy.js";
import { defineTimer } from "../../engine/timers.js";

// What a snapshot writes down of this backend (src/state/persist/snapshot.ts); the rest is rebuilt at start.
snapshotBackend("logs", { state: ["states", "expiries"], host: ["timeline"] });

export function createLogsBackend(timeline: Timeline): LogsBackend {
  return { timeline, states: new RegionalStore(createLogsState), expiries: new Map() };
}

/** Expires what is already past the group's retention and schedules the next sweep on the timeline. */
export function retain(backend: LogsBackend, state: LogsState, g: GroupRecord): void {
  const { timeline } = backend;
  expire(g, timeline.now());
  const at = nextExpiry(g);
  const pending = backend.expiries.get(g);
  if (pending?.fn && at !== undefined && pending.at <= at) return;
  timeline.cancel(pending);
  backend.expiries.delete(g);
  if (at === undefined) return;
  backend.expiries.set(g, timeline.call(at, SWEEP, backend, state, g));
}

const SWEEP = defineTimer("logs.retentionSweep", (backend: LogsBackend, state: LogsState, g: GroupRecord) => {
  backend.expiries.delete(g);
  // A group deleted (or replaced by one of the same name) since has nothing left to expire.
  if (state.groups.get(g.group.logGroupName!) === g) retain(backend, state, g);
});

const KNOWN = new Set<string>(OPERATIONS);

/** An operation ecs-local lacks answers an error its model lists for it. */
function unsupported(op: Operation): Error {
  const message = `ecs-local does not support ${op} yet.`;
  const errors = OPERATION_ERRORS[op];
  if (errors.includes("InvalidOperationException")) return new InvalidOperationException(message);
  if (errors.includes("InvalidParameterException")) return new InvalidParameterException(message);
  return new AwsError("ValidationException", message, 400);
}

export function logsJsonService(backend: LogsBackend): JsonService {
  // Operations load when a request needs them, not at start-up (src/services/lazy.ts).
  const operations = lazyOperations<(input: never, ctx: LogsContext) => ReturnType<Handler<Operation>>>(
    (): Promise<{ handlers: Handlers }> => import("./operations/index.js"),
    (name) => import(`./operations/${name}.js`),
  );
  return {
    name: "logs",
    signingName: "logs",
    targetPrefix: TARGET_PREFIX,
    operations: OPERATIONS,
    has: (op) => KNOWN.has(op),
    implemented: (op) => operations.handler(op) !== null,
    load: (op) => operations.load(op),
    preload: (op) => operations.preload(op),
    reset: () => (backend.states.reset(), backend.expiries.clear()),
    invoke(op, input, request) {
      const handler = operations.handler(op);
      if (!handler) throw unsupported(op as Operation);
      const clock = backend.timeline.clock;
      const state = backend.states.get(request.accountId, request.region);
      const ctx: LogsContext = { state, request, now: () => clock.now(), retain: (g) => retain(backend, state, g) };
      return handler(input as never, ctx);
    },
  };
}

/** Container output lands in the log groups of the task's account and region, as the awslogs driver puts it. */
export function logsSink(backend: LogsBackend): LogSink {
  const now = (): number => backend.timeline.clock.now();
  return {
    openStream(t: LogTarget) {
      const state = backend.states.get(t.accountId, t.region);
      let g = state.groups.get(t.group);
      if (!g) {
        if (!t.createGroup) return "ResourceNotFoundException: The specified log group does not exist.";
        g = newGroup(state, t.group, now());
      }
      if (!g.streams.has(t.stream)) newStream(state, g, t.stream, now());
      return undefined;
    },
    append(t: LogTarget, lines: LogLine[]) {
      const state = backend.states.get(t.accountId, t.region);
      const g = state.groups.get(t.group);
      const s = g?.streams.get(t.stream);
      // A group or stream deleted while the container runs loses its lines, as the driver's would.
      if (g && s && lines.length) {
        append(state, g, s, lines, now());
        retain(backend, state, g);
      }
    },
    lastTimestamp(t: LogTarget) {
      return backend.states.get(t.accountId, t.region).groups.get(t.group)?.streams.get(t.stream)?.stream.lastEventTimestamp;
    },
  };
}
