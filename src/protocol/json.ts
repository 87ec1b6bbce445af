// The awsJson1_1 protocol: POST / with X-Amz-Target, JSON in and out, one error path.
import type { IncomingMessage, ServerResponse } from "node:http";
import { randomUUID } from "node:crypto";
import { AwsError, protocolErrors } from "./errors.js";
import { CredentialError, credentialScope, faultFields, requestContext, sessionTokenOf, type RequestContext } from "./context.js";
import { readBody } from "./body.js";
import { logsRequests, writeFailure, type ProtocolOptions, type ServedService } from "./service.js";
import type { ConstraintErrorWording, EnumErrorWording } from "./messages.js";
import { isHeldByCommit, writeAtTurnEnd } from "./turnEnd.js";
import { checkOutput, validateInput } from "./validate.js";

export interface JsonService extends ServedService {
  /** The X-Amz-Target prefix before the dot (`AmazonEC2ContainerServiceV20141113`). */
  targetPrefix: string;
  /**
   * The answer to an operation of the model that ecs-local generated nothing for (no schema to
   * validate by), before validation; undefined for the generated ones.
   */
  unsupported?(operation: string): AwsError | undefined;
  /** The service's own words for a value outside its enum (ECS checks enums itself). */
  enumError?: EnumErrorWording;
  /** The service's own words for any broken constraint (ECR's InvalidParameterException). */
  constraintError?: ConstraintErrorWording;
}

export type JsonProtocolOptions = ProtocolOptions;

/**
 * An answer whose JSON an operation already has, encoded, in pieces (from a cache): the pieces go
 * to the socket as they are, in one gather write, never joined or encoded again. Or as one string
 * (an answer fixed as it stood when its operation ran, sent later): written as any answer is.
 */
export class JsonText<T = unknown> {
  constructor(
    readonly value: T,
    readonly chunks: Buffer[] | string,
  ) {}

  text(): string {
    return typeof this.chunks === "string" ? this.chunks : Buffer.concat(this.chunks).toString("utf8");
  }
}

const JSON_TYPES = new Set(["application/x-amz-json-1.1", "application/x-amz-json-1.0", "application/json"]);

/**
 * Below this many characters an answer goes to the socket as a string: node:http then writes its
 * head and body as one string, encoded once in C++, where a Buffer costs an allocation in JavaScript
 * and a gather write. Above it the answer is encoded once into a Buffer, since measuring a string and
 * then writing it would encode it twice.
 */
const STRING_ANSWER = 16_384;

/** An answer's text as it goes to the socket: itself when small, else encoded once (every protocol's answers). */
export function answerBody(text: string): string | Buffer {
  if (text.length <= STRING_ANSWER) return text;
  // All ASCII (as many bytes as characters): latin1 gives the same bytes by copying, not encoding.
  return Buffer.from(text, Buffer.byteLength(text, "utf8") === text.length ? "latin1" : "utf8");
}

/** `later`: a small answer waits for the end of the turn (its text made now), see turnEnd.ts. */
export function sendJson(res: ServerResponse, status: number, body: unknown, requestId: string, extra?: Record<string, string>, later?: (e: unknown) => void): void {
  const text = body instanceof JsonText ? body.chunks : JSON.stringify(body);
  if (typeof text !== "string") return sendChunks(res, status, text, requestId, extra);
  const out = answerBody(text);
  if (typeof out !== "string") return sendChunks(res, status, [out], requestId, extra);
  if (later) return writeAtTurnEnd(() => sendText(res, status, out, requestId, extra), later);
  sendText(res, status, out, requestId, extra);
}

function sendText(res: ServerResponse, status: number, out: string, requestId: string, extra: Record<string, string> | undefined): void {
  const length = Buffer.byteLength(out, "utf8");
  res.writeHead(status, head(length, requestId, extra));
  // As many bytes as characters: every character is ASCII, whose UTF-8 is its latin1, and the socket
  // then copies the text instead of encoding it (the same bytes, for less: most answers are ASCII).
  res.end(out, length === out.length ? "latin1" : "utf8");
}

function head(length: number, requestId: string, extra: Record<string, string> | undefined): Record<string, string | number> {
  return {
    "Content-Type": "application/x-amz-json-1.1",
    "Content-Length": length,
    "x-amzn-RequestId": requestId,
    ...extra,
  };
}

function sendChunks(res: ServerResponse, status: number, chunks: Buffer[], requestId: string, extra: Record<string, string> | undefined): void {
  let length = 0;
  for (const c of chunks) length += c.length;
  res.writeHead(status, head(length, requestId, extra));
  if (chunks.length === 1) return void res.end(chunks[0]);
  res.cork();
  for (const c of chunks) res.write(c);
  res.end();
}

/**
 * The JSON object an `/_ecs-local/` route takes as its body (an empty body is `{}`), or undefined
 * after answering the awsJson SerializationException for anything else.
 */
export function jsonObjectBody(text: unknown, res: ServerResponse, requestId: string): Record<string, unknown> | undefined {
  try {
    const body: unknown = JSON.parse(typeof text === "string" && text.trim() ? text : "{}");
    if (typeof body === "object" && body !== null && !Array.isArray(body)) return body as Record<string, unknown>;
  } catch {
    // answered below
  }
  sendJsonError(res, protocolErrors.serialization("The body must be a JSON object."), requestId);
  return undefined;
}

export function sendJsonError(res: ServerResponse, err: AwsError, requestId: string): void {
  sendJson(res, err.status, { __type: err.code, message: err.message }, requestId, { "x-amzn-ErrorType": err.code });
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

/** The request's account, region and caller; throws for a key refused (its error then has no request context of its own). */
export function contextOf(req: IncomingMessage, opts: ProtocolOptions, requestId: string): RequestContext {
  const url = req.url ?? "";
  return requestContext(credentialScope(req.headers.authorization, url), opts.defaultAccount, opts.defaultRegion, opts.callers, requestId, sessionTokenOf(req.headers, url));
}

/** Refused credentials as the awsJson services answer them. */
function credentialFailure(e: CredentialError): AwsError {
  return e.kind === "expired" ? new AwsError("ExpiredTokenException", e.message, 400) : new AwsError("UnrecognizedClientException", e.message, 400);
}

/** Handles one awsJson request in AWS's order: size, content type, JSON, target, schema, operation. */
export async function handleJson(req: IncomingMessage, res: ServerResponse, services: JsonService[], opts: ProtocolOptions): Promise<void> {
  const start = logsRequests(opts.logger) ? performance.now() : 0;
  const requestId = randomUUID();
  let ctx: RequestContext = { accountId: opts.defaultAccount, region: opts.defaultRegion, requestId };
  let operation = "";
  let service: JsonService | undefined;
  let failure: AwsError | undefined;
  try {
    ctx = contextOf(req, opts, requestId);
    const raw = await readBody(req, opts.maxBodyBytes, protocolErrors.tooLarge);
    const given = req.headers["content-type"] ?? "";
    // The SDKs' own header is one of ours exactly: nothing to cut or fold.
    const type = JSON_TYPES.has(given) ? given : given.split(";")[0].trim().toLowerCase();
    if (type !== "" && !JSON_TYPES.has(type)) throw protocolErrors.unsupportedMediaType(type);
    const input = parseBody(raw);
    const target = String(req.headers["x-amz-target"] ?? "");
    const dot = target.lastIndexOf(".");
    const prefix = target.slice(0, dot);
    service = services.find((s) => s.targetPrefix === prefix);
    operation = target.slice(dot + 1);
    if (!service || !service.has(operation)) throw protocolErrors.unknownOperation(`Unknown operation ${JSON.stringify(target)}.`);
    // An operation's code loads on its first request; after that this awaits nothing.
    const loading = service.load?.(operation);
    if (loading) await loading;
    const lacking = service.unsupported?.(operation);
    if (lacking) throw lacking;
    validateInput(service.name, operation, input, service.enumError, service.constraintError);
    opts.beforeInvoke();
    // Answers are serialized in the same turn of the event loop as the operation ran, before any
    // timer can move state on: operations may return live state objects without copying them.
    // Small answers leave at the turn's end, those a commit holds as they come after it (turnEnd.ts).
    const answer = service.invoke(operation, input, ctx);
    const queued = !isHeldByCommit(answer);
    const output = (await answer) ?? {};
    if (opts.validateOutput) checkOutput(service.name, operation, output instanceof JsonText ? JSON.parse(output.text()) : output);
    sendJson(res, 200, output, ctx.requestId, undefined, queued ? writeFailure(opts.logger, ctx, service.name, operation) : undefined);
  } catch (e) {
    const err = (failure = e instanceof AwsError ? e : e instanceof CredentialError ? credentialFailure(e) : protocolErrors.server());
    // The stack is a field of its own (JSON logs), beside what finds the request line.
    if (!(e instanceof AwsError || e instanceof CredentialError) || err.status >= 500) opts.logger.error("operation failed", e, faultFields(ctx, service?.name, operation));
    sendJsonError(res, err, ctx.requestId);
  }
  if (start) {
    const entry = { ...ctx, service: service?.name ?? "-", operation, status: failure?.status ?? 200, durationMs: performance.now() - start };
    opts.logger.request(failure ? { ...entry, error: failure.code } : entry);
  }
}
