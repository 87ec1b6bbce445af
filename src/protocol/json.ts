// The awsJson1_1 protocol: POST / with X-Amz-Target, JSON in and out, one error path.
import type { IncomingMessage, ServerResponse } from "node:http";
import { randomUUID } from "node:crypto";
import { AwsError, protocolErrors } from "./errors.js";
import { accountFor, credentialScope, type RequestContext } from "./context.js";
import type { EnumErrorWording } from "./messages.js";
import { checkOutput, validateInput } from "./validate.js";

export interface JsonService {
  /** Folder name under schemas/ and src/services/. */
  name: string;
  targetPrefix: string;
  /** Runs a validated request; resolves to the output object. */
  invoke(operation: string, input: Record<string, unknown>, ctx: RequestContext): unknown;
  /** True when the model has this operation (known, even if ecs-local lacks it). */
  has(operation: string): boolean;
  /** Runs before every request, so work that fell due is done before anyone looks. */
  beforeRequest?(): void;
  /** The service's own words for a value outside its enum (ECS checks enums itself). */
  enumError?: EnumErrorWording;
}

export interface JsonProtocolOptions {
  defaultAccount: string;
  defaultRegion: string;
  maxBodyBytes: number;
  validateOutput: boolean;
  log: (line: string) => void;
}

/**
 * An answer whose JSON an operation already has, encoded, in pieces (from a cache): the pieces go
 * to the socket as they are, in one gather write, never joined or encoded again.
 */
export class JsonText<T = unknown> {
  constructor(
    readonly value: T,
    readonly chunks: Buffer[],
  ) {}

  text(): string {
    return Buffer.concat(this.chunks).toString("utf8");
  }
}

const JSON_TYPES = new Set(["application/x-amz-json-1.1", "application/x-amz-json-1.0", "application/json"]);

export function sendJson(res: ServerResponse, status: number, body: unknown, requestId: string, extra?: Record<string, string>): void {
  // Encoded once: measuring the string and then writing it would encode large answers twice.
  const chunks = body instanceof JsonText ? body.chunks : [Buffer.from(JSON.stringify(body), "utf8")];
  let length = 0;
  for (const c of chunks) length += c.length;
  res.writeHead(status, {
    "Content-Type": "application/x-amz-json-1.1",
    "Content-Length": length,
    "x-amzn-RequestId": requestId,
    ...extra,
  });
  if (chunks.length === 1) return void res.end(chunks[0]);
  res.cork();
  for (const c of chunks) res.write(c);
  res.end();
}

export function sendJsonError(res: ServerResponse, err: AwsError, requestId: string): void {
  sendJson(res, err.status, { __type: err.code, message: err.message }, requestId, { "x-amzn-ErrorType": err.code });
}

/** Reads the body up to the limit; past it, the rest is drained and the request refused. */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers["content-length"] ?? 0);
    if (declared > limit) {
      req.resume();
      req.on("end", () => reject(protocolErrors.tooLarge(limit)));
      req.on("error", () => reject(protocolErrors.tooLarge(limit)));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size > limit) over = true;
      else chunks.push(c);
    });
    req.on("end", () => (over ? reject(protocolErrors.tooLarge(limit)) : resolve(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks))));
    req.on("error", reject);
  });
}

function parseBody(raw: Buffer): Record<string, unknown> {
  const text = raw.toString("utf8").trim();
  if (text === "") return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw protocolErrors.serialization("Unexpected character in the request body: it is not valid JSON.");
  }
  if (Array.isArray(parsed)) throw protocolErrors.serialization("Start of list found where not expected");
  if (parsed === null || typeof parsed !== "object") throw protocolErrors.serialization("Expected a JSON object as the request body.");
  if (text.includes("null")) dropNullMembers(parsed);
  return parsed as Record<string, unknown>;
}

/**
 * awsJson reads a member set to null as a member left out: an optional one is ignored, a required
 * one fails validation as "Member must not be null". Null list items stay, for validation to refuse.
 */
function dropNullMembers(value: unknown): void {
  if (Array.isArray(value)) {
    for (const item of value) dropNullMembers(item);
    return;
  }
  if (value === null || typeof value !== "object") return;
  const members = value as Record<string, unknown>;
  for (const key of Object.keys(members)) {
    if (members[key] === null) delete members[key];
    else dropNullMembers(members[key]);
  }
}

export function contextOf(req: IncomingMessage, opts: JsonProtocolOptions): RequestContext {
  const scope = credentialScope(req.headers.authorization, req.url ?? "");
  return {
    accountId: accountFor(scope.accessKey, opts.defaultAccount),
    region: scope.region ?? opts.defaultRegion,
    requestId: randomUUID(),
  };
}

/** Handles one awsJson request in AWS's order: size, content type, JSON, target, schema, operation. */
export async function handleJson(req: IncomingMessage, res: ServerResponse, services: JsonService[], opts: JsonProtocolOptions): Promise<void> {
  const ctx = contextOf(req, opts);
  let operation = "";
  try {
    const raw = await readBody(req, opts.maxBodyBytes);
    const type = (req.headers["content-type"] ?? "").split(";")[0].trim().toLowerCase();
    if (type !== "" && !JSON_TYPES.has(type)) throw protocolErrors.unsupportedMediaType(type);
    const input = parseBody(raw);
    const target = String(req.headers["x-amz-target"] ?? "");
    const dot = target.lastIndexOf(".");
    const service = services.find((s) => s.targetPrefix === target.slice(0, dot));
    operation = target.slice(dot + 1);
    if (!service || !service.has(operation)) throw protocolErrors.unknownOperation(`Unknown operation ${JSON.stringify(target)}.`);
    validateInput(service.name, operation, input, service.enumError);
    service.beforeRequest?.();
    // Answers are serialized in the same turn of the event loop as the operation ran, before any
    // timer can move state on: operations may return live state objects without copying them.
    const output = (await service.invoke(operation, input, ctx)) ?? {};
    if (opts.validateOutput) checkOutput(service.name, operation, output instanceof JsonText ? JSON.parse(output.text()) : output);
    sendJson(res, 200, output, ctx.requestId);
  } catch (e) {
    const err = e instanceof AwsError ? e : protocolErrors.server();
    if (!(e instanceof AwsError) || err.status >= 500) opts.log(`${ctx.requestId} ${operation || "-"}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    sendJsonError(res, err, ctx.requestId);
  }
}
