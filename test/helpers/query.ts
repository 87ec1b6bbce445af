// Calls to the query-protocol services (STS, ELBv2, EC2) of a test server, each answer checked
// against the model: a success is read back from its XML by the output schema and validated; an
// error must come in the protocol's own envelope with a code the model or the protocol allows.
import { expect } from "vitest";
import { encodeForm } from "../../src/protocol/form.js";
import { schemaFor, validatorFor } from "../../src/protocol/validate.js";
import { readAnswer, readError, type ParsedError } from "../../src/protocol/xmlRead.js";
import * as ec2 from "../../src/services/ec2/generated/operations.js";
import * as elbv2 from "../../src/services/elbv2/generated/operations.js";
import * as elbv2Errors from "../../src/services/elbv2/generated/errors.js";
import * as sts from "../../src/services/sts/generated/operations.js";
import * as stsErrors from "../../src/services/sts/generated/errors.js";
import * as iam from "../../src/services/iam/generated/operations.js";
import * as iamErrors from "../../src/services/iam/generated/errors.js";
import * as autoscaling from "../../src/services/autoscaling/generated/operations.js";
import * as autoscalingErrors from "../../src/services/autoscaling/generated/errors.js";
import * as cloudformation from "../../src/services/cloudformation/generated/operations.js";
import * as cloudformationErrors from "../../src/services/cloudformation/generated/errors.js";
import { send as post } from "./http.js";
import type { TestLocal } from "./local.js";

type OperationsModule = { OPERATIONS: readonly string[]; OPERATION_ERRORS: Record<string, readonly string[]>; PROTOCOL: "query" | "ec2"; SIGNING_NAME: string; API_VERSION: string; XML_NAMESPACE: string };
type ErrorsModule = Record<string, new (message: string) => { code: string }>;

const MODELS = {
  sts: { ops: sts as OperationsModule, errors: stsErrors as unknown as ErrorsModule },
  elbv2: { ops: elbv2 as OperationsModule, errors: elbv2Errors as unknown as ErrorsModule },
  ec2: { ops: ec2 as OperationsModule, errors: {} as ErrorsModule },
  iam: { ops: iam as OperationsModule, errors: iamErrors as unknown as ErrorsModule },
  autoscaling: { ops: autoscaling as OperationsModule, errors: autoscalingErrors as unknown as ErrorsModule },
  cloudformation: { ops: cloudformation as OperationsModule, errors: cloudformationErrors as unknown as ErrorsModule },
};

export type QueryServiceName = keyof typeof MODELS;

/** Errors of the query protocols themselves (src/protocol/query.ts, queryMessages.ts), not in any model. */
export const QUERY_PROTOCOL_ERRORS = ["ValidationError", "MissingAction", "InvalidAction", "UnsupportedOperation", "RequestEntityTooLarge", "AccessDenied", "ExpiredToken", "InvalidClientTokenId"];
export const EC2_PROTOCOL_ERRORS = ["MissingParameter", "InvalidParameterValue", "InvalidAction", "MissingAction", "UnsupportedOperation", "RequestEntityTooLarge"];

export interface QueryCallOptions {
  accountId?: string;
  region?: string;
  headers?: Record<string, string>;
  /** Sign for this SigV4 service instead of the model's; null sends no Authorization at all. */
  signingName?: string | null;
}

export interface RawQueryResponse {
  status: number;
  headers: Headers;
  text: string;
}

export function signature(accessKey: string, region: string, service: string): string {
  return `AWS4-HMAC-SHA256 Credential=${accessKey}/20260101/${region}/${service}/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature=0000`;
}

export interface QueryCaller {
  /** Posts a form as it is (name/value pairs, Action and Version included by the caller). */
  raw(form: [string, string][] | Record<string, string>, opts?: QueryCallOptions): Promise<RawQueryResponse>;
  /** Calls an operation that must succeed; its XML is read by the model and checked against the output schema. */
  call<T = any>(op: string, input?: Record<string, unknown>, opts?: QueryCallOptions): Promise<T>;
  /** Calls an operation that must fail; the error must be in the protocol's envelope, with a code the model or protocol lists. */
  error(op: string, input?: Record<string, unknown>, opts?: QueryCallOptions): Promise<ParsedError & { status: number }>;
}

/** Checks an error body is the protocol's envelope and its request id is the header's. */
export async function checkErrorEnvelope(res: RawQueryResponse, protocol: "query" | "ec2"): Promise<ParsedError> {
  expect(res.headers.get("content-type")).toMatch(/^text\/xml/);
  const err = await readError(res.text);
  expect(err.root).toBe(protocol === "ec2" ? "Response" : "ErrorResponse");
  if (protocol === "query") expect(err.type).toBe(res.status >= 500 ? "Receiver" : "Sender");
  expect(err.code).not.toBe("");
  expect(err.message).not.toBe("");
  expect(err.requestId).toBe(res.headers.get("x-amzn-requestid"));
  return err;
}

export function queryCaller(t: Pick<TestLocal, "url">, service: QueryServiceName): QueryCaller {
  const { ops, errors } = MODELS[service];
  const raw = async (form: [string, string][] | Record<string, string>, opts: QueryCallOptions = {}): Promise<RawQueryResponse> => {
    const signing = opts.signingName === undefined ? ops.SIGNING_NAME : opts.signingName;
    const headers: Record<string, string> = { "Content-Type": "application/x-www-form-urlencoded; charset=utf-8", ...opts.headers };
    if (signing !== null) headers.Authorization = signature(opts.accountId ?? "AKIDEXAMPLE", opts.region ?? "us-east-1", signing);
    const res = await post(t.url + "/", { method: "POST", headers, body: new URLSearchParams(form).toString() });
    expect(res.headers.get("x-amzn-requestid")).toMatch(/^[0-9a-f-]{36}$/);
    return res;
  };
  const send = (op: string, input: Record<string, unknown>, opts?: QueryCallOptions) => {
    const form: [string, string][] = [["Action", op], ["Version", ops.API_VERSION]];
    // An operation without generated schemas is sent as given (members by their wire names).
    const schema = ops.OPERATIONS.includes(op) ? schemaFor(service, op, "input") : { type: "object", properties: {} };
    return raw([...form, ...encodeForm(input, schema)], opts);
  };
  return {
    raw,
    async call(op, input = {}, opts) {
      const res = await send(op, input, opts);
      if (res.status !== 200) throw new Error(`${service} ${op} failed with ${res.status}: ${res.text}`);
      expect(res.headers.get("content-type")).toMatch(/^text\/xml/);
      const schema = schemaFor(service, op, "output");
      const answer = await readAnswer(res.text, schema, ops.PROTOCOL);
      expect(answer.root).toBe(`${op}Response`);
      expect(answer.xmlns).toBe(ops.XML_NAMESPACE);
      expect(answer.requestId).toBe(res.headers.get("x-amzn-requestid"));
      const validate = validatorFor(service, op, "output");
      if (!validate(answer.output)) throw new Error(`${op} output breaks the model: ${JSON.stringify(validate.errors)}\n${res.text}`);
      return answer.output as any;
    },
    async error(op, input = {}, opts) {
      const res = await send(op, input, opts);
      if (res.status === 200) throw new Error(`${service} ${op} succeeded but was expected to fail: ${res.text}`);
      const err = await checkErrorEnvelope(res, ops.PROTOCOL);
      const modelCodes = (ops.OPERATION_ERRORS[op] ?? []).map((shape) => new errors[shape]("").code);
      const allowed = [...modelCodes, ...(ops.PROTOCOL === "ec2" ? EC2_PROTOCOL_ERRORS : QUERY_PROTOCOL_ERRORS)];
      // EC2's model declares no errors: its codes (InvalidVpcID.NotFound…) are documented apart, so any code passes here.
      if (ops.PROTOCOL !== "ec2" && !allowed.includes(err.code)) throw new Error(`${op} answered ${err.code}, which neither the model nor the protocol lists: ${res.text}`);
      return { ...err, status: res.status };
    },
  };
}
