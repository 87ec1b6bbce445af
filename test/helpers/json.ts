// Calls of the awsJson services built on the shared dispatch (Systems Manager, Secrets Manager,
// Application Auto Scaling), checked as ECS's are: outputs against the model's output schema, errors
// against the operation's list in the model and the protocol's envelope.
import * as ssm from "../../src/services/ssm/generated/operations.js";
import * as secretsmanager from "../../src/services/secretsmanager/generated/operations.js";
import * as applicationAutoscaling from "../../src/services/application-autoscaling/generated/operations.js";
import * as servicediscovery from "../../src/services/servicediscovery/generated/operations.js";
import * as ecr from "../../src/services/ecr/generated/operations.js";
import { jsonCaller, type CallOptions, type TestLocal } from "./local.js";

const MODELS = {
  ssm: ssm as unknown as Model,
  secretsmanager: secretsmanager as unknown as Model,
  "application-autoscaling": applicationAutoscaling as unknown as Model,
  servicediscovery: servicediscovery as unknown as Model,
  ecr: ecr as unknown as Model,
};

interface Model {
  TARGET_PREFIX: string;
  SIGNING_NAME: string;
  OPERATION_ERRORS: Record<string, readonly string[]>;
}

export type JsonServiceName = keyof typeof MODELS;

export interface JsonCalls {
  /** Calls an operation that must succeed; its output is checked against the model. */
  call<T = any>(op: string, input?: Record<string, unknown>, opts?: CallOptions): Promise<T>;
  /** Calls an operation that must fail; the error must be one the model allows for it. */
  error(op: string, input?: unknown, opts?: CallOptions): Promise<{ status: number; code: string; message: string }>;
}

export function jsonCalls(t: TestLocal, service: JsonServiceName): JsonCalls {
  const model = MODELS[service];
  const caller = jsonCaller<string, unknown, unknown>(t, service, model.TARGET_PREFIX, model.OPERATION_ERRORS);
  return {
    call: (op, input = {}, opts) => caller.call(op, input, opts) as never,
    error: (op, input = {}, opts) => caller.error(op, input, opts),
  };
}
