// A service behind the awsJson protocol built on the shared backend (Systems Manager, Secrets
// Manager, Application Auto Scaling, …): the dispatch from an operation name to its handler, loaded
// on first use, and the honest "not supported" answer for the operations ecs-local lacks.
import { AwsError } from "../protocol/errors.js";
import type { JsonService } from "../protocol/json.js";
import { lazyOperations } from "./lazy.js";
import type { QueryHandler } from "./queryService.js";
import { serviceContext, type ServiceBackend, type ServiceContext } from "./serviceBackend.js";

/** The generated metadata an awsJson service is routed by (src/services/<name>/generated/operations.ts). */
export interface JsonModel {
  TARGET_PREFIX: string;
  SIGNING_NAME: string;
  /** The generated operations: the keys of the handler table. */
  OPERATIONS: readonly string[];
  /** Every operation of the model, generated or not. */
  MODEL_OPERATIONS: readonly string[];
  OPERATION_ERRORS: Record<string, readonly string[]>;
}

export interface JsonServiceDefinition<S, B extends ServiceBackend<S>> {
  name: string;
  model: JsonModel;
  backend: B;
  /** The import of operations/index.js (src/services/lazy.ts). */
  operations: () => Promise<{ handlers: Record<string, QueryHandler<ServiceContext<S, B>> | null> }>;
  /** The import of one operation's file, operations/<name>.js. */
  operation: (name: string) => Promise<Record<string, unknown>>;
  /**
   * The error an operation ecs-local lacks answers: the first of these codes the model lists for the
   * operation, else `ValidationException` (awsJson's common client error). Each service names its own
   * (`InvalidRequestException`, `ValidationException`, …) in its order of preference.
   */
  unsupportedCodes: readonly string[];
  /** More to forget on reset than the regional states. */
  reset?: () => void;
  /** Operations that change state although named like reads (`Get…`): persistence journals them. */
  changesState?: readonly string[];
  /** The service's own words for a broken constraint, instead of ValidationException. */
  constraintError?: JsonService["constraintError"];
}

export function jsonService<S, B extends ServiceBackend<S>>(def: JsonServiceDefinition<S, B>): JsonService {
  const { backend, model } = def;
  const operations = lazyOperations(def.operations, def.operation);
  // Built on first use: every service is made at start, and most are never called.
  let known: Set<string> | undefined;
  let generatedOps: Set<string> | undefined;
  const generated = { has: (op: string): boolean => (generatedOps ??= new Set<string>(model.OPERATIONS)).has(op) };
  const unsupported = (op: string): AwsError => {
    const listed = model.OPERATION_ERRORS[op] ?? [];
    const code = def.unsupportedCodes.find((c) => listed.includes(c)) ?? "ValidationException";
    return new AwsError(code, `ecs-local does not support ${op} yet.`, 400);
  };
  return {
    name: def.name,
    signingName: model.SIGNING_NAME,
    targetPrefix: model.TARGET_PREFIX,
    operations: model.MODEL_OPERATIONS,
    has: (op) => (known ??= new Set(model.MODEL_OPERATIONS)).has(op),
    implemented: (op) => generated.has(op) && operations.handler(op) !== null,
    load: (op) => (op !== undefined && !generated.has(op) ? undefined : operations.load(op)),
    preload: (op) => (generated.has(op) ? operations.preload(op) : undefined),
    unsupported: (op) => (generated.has(op) ? undefined : unsupported(op)),
    changesState: def.changesState,
    constraintError: def.constraintError,
    reset() {
      backend.states.reset();
      def.reset?.();
    },
    invoke(op, input, request) {
      const handler = operations.handler(op);
      if (!handler) throw unsupported(op);
      return handler(input as never, serviceContext<S, B>(backend, request));
    },
  };
}
