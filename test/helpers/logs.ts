// CloudWatch Logs calls against the test server, checked as the ECS ones are: outputs against the
// model's output schema, errors against the operation's list in the model.
import { expect } from "vitest";
import { OPERATION_ERRORS, TARGET_PREFIX, type Input, type Operation, type Output } from "../../src/services/logs/generated/operations.js";
import { validatorFor } from "../../src/protocol/validate.js";
import { authHeader, PROTOCOL_ERRORS, type CallOptions, type TestLocal } from "./local.js";

export interface LogsCalls {
  /** Calls an operation that must succeed; its output is checked against the model. */
  logs<Op extends Operation>(op: Op, input: Input<Op>, opts?: CallOptions): Promise<Output<Op>>;
  /** Calls an operation that must fail; the error must be one the model allows for it. */
  logsError<Op extends Operation>(op: Op, input: unknown, opts?: CallOptions): Promise<{ status: number; code: string; message: string }>;
}

export function logsCalls(t: TestLocal): LogsCalls {
  const send = (op: Operation, input: unknown, opts: CallOptions = {}) =>
    t.raw(`${TARGET_PREFIX}.${op}`, JSON.stringify(input), { Authorization: authHeader(opts.accountId ?? "AKIDEXAMPLE", opts.region ?? "us-east-1"), ...opts.headers });
  return {
    async logs(op, input, opts) {
      const res = await send(op, input, opts);
      if (res.status !== 200) throw new Error(`${op} failed with ${res.status}: ${res.text}`);
      const validate = validatorFor("logs", op, "output");
      if (!validate(res.body)) throw new Error(`${op} output breaks the model: ${JSON.stringify(validate.errors)}\n${res.text}`);
      return res.body as Output<typeof op>;
    },
    async logsError(op, input, opts) {
      const res = await send(op, input, opts);
      if (res.status === 200) throw new Error(`${op} succeeded but was expected to fail: ${res.text}`);
      const code = res.body?.__type;
      expect(typeof res.body?.message).toBe("string");
      expect(res.headers.get("x-amzn-errortype")).toBe(code);
      if (![...OPERATION_ERRORS[op], ...PROTOCOL_ERRORS].includes(code)) throw new Error(`${op} answered ${code}, which the model does not list for it: ${res.text}`);
      return { status: res.status, code, message: res.body.message };
    },
  };
}
