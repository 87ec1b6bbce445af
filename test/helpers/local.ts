// A server on a free port for each test file, with a manual clock, and calls that check every
// answer against the model: outputs against the output schema, errors against the operation's list.
import type { AddressInfo } from "node:net";
import { createServer, type Server } from "node:http";
import { expect } from "vitest";
import { createApp, type AppOptions, type EcsLocal } from "../../src/app.js";
import type { ConfigOverrides } from "../../src/config.js";
import { ManualClock } from "../../src/engine/clock.js";
import { OPERATION_ERRORS, TARGET_PREFIX, type Input, type Operation, type Output } from "../../src/services/ecs/generated/operations.js";
import { validatorFor } from "../../src/protocol/validate.js";
import { send } from "./http.js";

export const PROTOCOL_ERRORS = ["SerializationException", "UnknownOperationException", "ValidationException", "RequestEntityTooLargeException", "UnsupportedMediaTypeException"];

export interface CallOptions {
  accountId?: string;
  region?: string;
  headers?: Record<string, string>;
}

export interface RawResponse {
  status: number;
  headers: Headers;
  text: string;
  body: any;
}

export interface TestLocal {
  url: string;
  local: EcsLocal;
  clock: ManualClock;
  /** Moves the clock forward, firing every lifecycle step due on the way. */
  advance(ms: number): void;
  raw(target: string | undefined, body: string, headers?: Record<string, string>): Promise<RawResponse>;
  /** Calls an operation that must succeed; its output is checked against the model. */
  ecs<Op extends Operation>(op: Op, input: Input<Op>, opts?: CallOptions): Promise<Output<Op>>;
  /** Calls an operation that must fail; the error must be one the model allows for it. */
  ecsError<Op extends Operation>(op: Op, input: unknown, opts?: CallOptions): Promise<{ status: number; code: string; message: string }>;
  close(): Promise<void>;
}

export function authHeader(accessKey = "AKIDEXAMPLE", region = "us-east-1"): string {
  return `AWS4-HMAC-SHA256 Credential=${accessKey}/20260101/${region}/ecs/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature=0000`;
}

export async function startLocal(config: ConfigOverrides = {}, options: Pick<AppOptions, "runtime"> = {}): Promise<TestLocal> {
  const clock = new ManualClock();
  // ELBv2 listeners are served through this server's port only, unless a test asks for loopback ports:
  // test servers in parallel must not contend for 127.0.0.1:8080.
  const local = createApp({ config: { validateOutput: true, elbPortOffset: -1, ...config }, clock, ...options });
  const server: Server = createServer(local.handle);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  local.listening((server.address() as AddressInfo).port);

  const raw = async (target: string | undefined, body: string, headers: Record<string, string> = {}): Promise<RawResponse> => {
    const res = await send(url + "/", {
      method: "POST",
      headers: {
        "Content-Type": "application/x-amz-json-1.1",
        Authorization: authHeader(),
        ...(target ? { "X-Amz-Target": target } : {}),
        ...headers,
      },
      body,
    });
    const text = res.text;
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    expect(res.headers.get("x-amzn-requestid")).toMatch(/^[0-9a-f-]{36}$/);
    return { status: res.status, headers: res.headers, text, body: parsed };
  };

  const t: TestLocal = {
    url,
    local,
    clock,
    advance: (ms) => local.timeline.advance(ms, (at) => clock.set(at)),
    raw,
    ecs: (op, input, opts) => ecs.call(op, input, opts),
    ecsError: (op, input, opts) => ecs.error(op, input, opts),
    close: () =>
      new Promise<void>((resolve) => {
        local.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  const ecs = jsonCaller<Operation, Input<Operation>, Output<Operation>>(t, "ecs", TARGET_PREFIX, OPERATION_ERRORS);
  return t;
}

/**
 * Calls of one awsJson service against the test server: a success is checked against the model's
 * output schema, an error against the operation's list in the model and the protocol's envelope.
 */
export function jsonCaller<Op extends string, In, Out>(t: Pick<TestLocal, "raw">, service: string, targetPrefix: string, errors: Record<Op, readonly string[]>) {
  const send = (op: Op, input: unknown, opts: CallOptions = {}) =>
    t.raw(`${targetPrefix}.${op}`, JSON.stringify(input), { Authorization: authHeader(opts.accountId ?? "AKIDEXAMPLE", opts.region ?? "us-east-1"), ...opts.headers });
  return {
    async call(op: Op, input: In, opts?: CallOptions): Promise<Out> {
      const res = await send(op, input, opts);
      if (res.status !== 200) throw new Error(`${op} failed with ${res.status}: ${res.text}`);
      const validate = validatorFor(service, op, "output");
      if (!validate(res.body)) throw new Error(`${op} output breaks the model: ${JSON.stringify(validate.errors)}\n${res.text}`);
      return res.body as Out;
    },
    async error(op: Op, input: unknown, opts?: CallOptions): Promise<{ status: number; code: string; message: string }> {
      const res = await send(op, input, opts);
      if (res.status === 200) throw new Error(`${op} succeeded but was expected to fail: ${res.text}`);
      const code = res.body?.__type;
      expect(typeof res.body?.message).toBe("string");
      expect(res.headers.get("x-amzn-errortype")).toBe(code);
      if (![...errors[op], ...PROTOCOL_ERRORS].includes(code)) throw new Error(`${op} answered ${code}, which the model does not list for it: ${res.text}`);
      return { status: res.status, code, message: res.body.message };
    },
  };
}
