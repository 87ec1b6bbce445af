// A service behind a query protocol (STS, ELBv2, EC2): its backend, what its operations receive,
// and the dispatch from an operation name to its handler. Each service adds its own state and handlers.
import type { QueryService } from "../protocol/query.js";
import { lazyOperations } from "./lazy.js";
import { serviceContext, type ServiceBackend, type ServiceContext } from "./serviceBackend.js";

/** The generated metadata a query service is routed and answered by (src/services/<name>/generated/operations.ts). */
export interface QueryModel {
  PROTOCOL: "query" | "ec2";
  SIGNING_NAME: string;
  API_VERSION: string;
  XML_NAMESPACE: string;
  /** Every operation of the model; the generated ones are the keys of the handler table. */
  MODEL_OPERATIONS: readonly string[];
}

export type QueryHandler<C> = (input: never, ctx: C) => unknown;

export interface QueryServiceDefinition<S, B extends ServiceBackend<S>> {
  name: string;
  model: QueryModel;
  backend: B;
  /**
   * The import of the service's operations/index.js: one entry per generated operation, its handler
   * or null while ecs-local lacks it. Loaded when needed, not at start-up (src/services/lazy.ts).
   */
  operations: () => Promise<{ handlers: Record<string, QueryHandler<ServiceContext<S, B>> | null> }>;
  /** The import of one operation's file, operations/<name>.js: what the first call of an operation loads. */
  operation: (name: string) => Promise<Record<string, unknown>>;
  /** More to forget on reset than the regional states (caches, timers kept elsewhere). */
  reset?: () => void;
  /** Operations that change state although named like reads (`GetSessionToken`): persistence journals them. */
  changesState?: readonly string[];
}

export function queryService<S, B extends ServiceBackend<S>>(def: QueryServiceDefinition<S, B>): QueryService {
  const { backend, model } = def;
  const operations = lazyOperations(def.operations, def.operation);
  // Built on first use: every service is made at start, and most are never called.
  let known: Set<string> | undefined;
  return {
    name: def.name,
    protocol: model.PROTOCOL,
    signingName: model.SIGNING_NAME,
    apiVersion: model.API_VERSION,
    xmlNamespace: model.XML_NAMESPACE,
    operations: model.MODEL_OPERATIONS,
    has: (op) => (known ??= new Set(model.MODEL_OPERATIONS)).has(op),
    implemented: (op) => operations.handler(op) !== null,
    load: (op) => operations.load(op),
    preload: (op) => operations.preload(op),
    changesState: def.changesState,
    reset() {
      backend.states.reset();
      def.reset?.();
    },
    invoke(op, input, request) {
      return operations.handler(op)!(input as never, serviceContext<S, B>(backend, request));
    },
  };
}
