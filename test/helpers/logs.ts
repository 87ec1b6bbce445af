// CloudWatch Logs calls against the test server, checked as the ECS ones are: outputs against the
// model's output schema, errors against the operation's list in the model.
import { OPERATION_ERRORS, TARGET_PREFIX, type Input, type Operation, type Output } from "../../src/services/logs/generated/operations.js";
import { jsonCaller, type CallOptions, type TestLocal } from "./local.js";

export interface LogsCalls {
  /** Calls an operation that must succeed; its output is checked against the model. */
  logs<Op extends Operation>(op: Op, input: Input<Op>, opts?: CallOptions): Promise<Output<Op>>;
  /** Calls an operation that must fail; the error must be one the model allows for it. */
  logsError<Op extends Operation>(op: Op, input: unknown, opts?: CallOptions): Promise<{ status: number; code: string; message: string }>;
}

export function logsCalls(t: TestLocal): LogsCalls {
  const logs = jsonCaller<Operation, Input<Operation>, Output<Operation>>(t, "logs", TARGET_PREFIX, OPERATION_ERRORS);
  return { logs: (op, input, opts) => logs.call(op, input, opts) as never, logsError: (op, input, opts) => logs.error(op, input, opts) };
}
