// A service behind a query protocol (STS, ELBv2, EC2): its backend, what its operations receive,
// and the dispatch from an operation name to its handler. Each service adds its own state and handlers.
import type { Config } from "../config.js";
import type { Timeline } from "../engine/timeline.js";
import type { RequestContext } from "../protocol/context.js";
import type { QueryService } from "../protocol/query.js";
import { RegionalStore } from "../state/regional.js";
import { IdSource } from "./ecs/domain/ids.js";
import { lazyOperations } from "./lazy.js";

/** The generated metadata a query service is routed and answered by (src/services/<name>/generated/operations.ts). */
export interface QueryModel {
  PROTOCOL: "query" | "ec2";
  SIGNING_NAME: string;
  API_VERSION: string;
  XML_NAMESPACE: string;
  /** Every operation of the model; the generated ones are the keys of the handler table. */
  MODEL_OPERATIONS: readonly string[];
}

/** A service's state per account and region, with the clock and configuration. */
export interface QueryBackend<S> {
  config: Config;
  timeline: Timeline;
  states: RegionalStore<S>;
  /** Ids and random choices of this service, seeded from `--seed` (the state directory's seed) so a replay makes the same ones. */
  ids: IdSource;
}

/** What an operation receives besides its input. */
export interface QueryContext<S, B extends QueryBackend<S> = QueryBackend<S>> {
  state: S;
  backend: B;
  request: RequestContext;
  /** The injected clock in epoch seconds: timestamps are returned in these (written as ISO 8601). */
  now(): number;
}

export type QueryHandler<C> = (input: never, ctx: C) => unknown;

export function createQueryBackend<S>(config: Config, timeline: Timeline, name: string, createState: (accountId: string, region: string, ids: IdSource) => S): QueryBackend<S> {
  // Each service draws from its own sequence: one seed, never the same ids as another service's.
  const ids = new IdSource(config.seed === undefined ? undefined : `${config.seed}/${name}`);
  return { config, timeline, ids, states: new RegionalStore((accountId, region) => createState(accountId, region, ids)) };
}

export interface QueryServiceDefinition<S, B extends QueryBackend<S>> {
  name: string;
  model: QueryModel;
  backend: B;
  /**
   * The import of the service's operations/index.js: one entry per generated operation, its handler
   * or null while ecs-local lacks it. Loaded when needed, not at start-up (src/services/lazy.ts).
   */
  operations: () => Promise<{ handlers: Record<string, QueryHandler<QueryContext<S, B>> | null> }>;
  /** The import of one operation's file, operations/<name>.js: what the first call of an operation loads. */
  operation: (name: string) => Promise<Record<string, unknown>>;
  /** More to forget on reset than the regional states (caches, timers kept elsewhere). */
  reset?: () => void;
}

export function queryService<S, B extends QueryBackend<S>>(def: QueryServiceDefinition<S, B>): QueryService {
  const { backend, model } = def;
  const operations = lazyOperations(def.operations, def.operation);
  const known = new Set(model.MODEL_OPERATIONS);
  const clock = backend.timeline.clock;
  return {
    name: def.name,
    protocol: model.PROTOCOL,
    signingName: model.SIGNING_NAME,
    apiVersion: model.API_VERSION,
    xmlNamespace: model.XML_NAMESPACE,
    operations: model.MODEL_OPERATIONS,
    has: (op) => known.has(op),
    implemented: (op) => operations.handler(op) !== null,
    load: (op) => operations.load(op),
    reset() {
      backend.states.reset();
      def.reset?.();
    },
    invoke(op, input, request) {
      const ctx: QueryContext<S, B> = { state: backend.states.get(request.accountId, request.region), backend, request, now: () => clock.now() / 1000 };
      return operations.handler(op)!(input as never, ctx);
    },
  };
}
