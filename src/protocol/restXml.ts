// The rest-xml protocol (S3): the operation from the method, path and query string; input members
// from the path, query, headers and body; answers as headers and an XML (or raw) body; errors as
// `<Error><Code>…`. Route → read → validate → invoke → serialize, as the other protocols do.
import type { IncomingMessage, ServerResponse } from "node:http";
import { performance } from "node:perf_hooks";
import { randomBytes } from "node:crypto";
import type { ErrorObject } from "ajv";
import { AwsError } from "./errors.js";
import { CredentialError, credentialScope, faultFields, requestContext, sessionTokenOf, type RequestContext } from "./context.js";
import { readBody } from "./body.js";
import { logsRequests, type ProtocolOptions, type ServedService } from "./service.js";
import { checkOutput, inputErrors, schemaFor } from "./validate.js";
import { decodeAwsChunked, isAwsChunked, unchunkedHeaders } from "./awsChunked.js";
import { decodeRestInput, MalformedBody, payloadOf } from "./restXmlInput.js";
import { restAnswer, restError, type RestAnswer } from "./restXmlOutput.js";
import { compileRoutes, hostBucket, matchRoute, pathSegments, type HttpBinding } from "./restXmlRoute.js";

/** Where a service keeps the bytes of blob payloads: the input and output carry a reference instead. */
export interface BlobStore {
  /** Keeps the bytes; answers the reference an operation receives in their place. */
  put(bytes: Buffer): string;
  /** The bytes a reference stands for. */
  get(ref: string): Buffer;
  /** Forgets bytes put for a request that was refused, unless something holds them. */
  discard(ref: string): void;
}

/** What a rest-xml service says in its own words (S3's error codes). */
export interface RestXmlErrors {
  /** Input that breaks the model: a body member (S3: MalformedXML) or a parameter (InvalidArgument). */
  validation(errors: ErrorObject[], input: unknown, schema: Record<string, any>): AwsError;
  malformedBody(): AwsError;
  /** An operation of the model that ecs-local lacks. */
  unsupported(operation: string): AwsError;
  /** No operation at this method and path. */
  noRoute(method: string): AwsError;
  tooLarge(limit: number): AwsError;
  server(): AwsError;
  credentials(e: CredentialError): AwsError;
}

export interface RestXmlService extends ServedService {
  protocol: "rest-xml";
  xmlNamespace: string;
  bindings: Readonly<Record<string, HttpBinding>>;
  blobs: BlobStore;
  errors: RestXmlErrors;
  /** The largest blob payload taken (an object), beside the server's body limit for the rest. */
  maxBlobBytes: number;
}

const routeCache = new WeakMap<RestXmlService, ReturnType<typeof compileRoutes>>();

function send(res: ServerResponse, req: IncomingMessage, answer: RestAnswer, requestId: string, hostId: string): void {
  res.statusCode = answer.status;
  for (const [k, v] of Object.entries(answer.headers)) res.setHeader(k, v);
  res.setHeader("x-amz-request-id", requestId);
  res.setHeader("x-amz-id-2", hostId);
  if (answer.contentType) res.setHeader("Content-Type", answer.contentType);
  const body = answer.body === undefined ? undefined : typeof answer.body === "string" ? Buffer.from(answer.body, "utf8") : answer.body;
  // A HEAD answer names the length of what a GET would send, and sends nothing.
  if (req.method === "HEAD") return void res.end();
  res.setHeader("Content-Length", body?.length ?? 0);
  res.end(body);
}

function sendError(res: ServerResponse, req: IncomingMessage, err: AwsError, requestId: string, hostId: string): void {
  const fields = (err as { fields?: Record<string, string> }).fields ?? {};
  const xml = req.method === "HEAD" ? undefined : restError(err.code, err.message, fields, requestId, hostId);
  send(res, req, { status: err.status, headers: {}, body: xml, contentType: xml ? "application/xml" : undefined }, requestId, hostId);
}

/** Handles one rest-xml request; `services` are found by the SigV4 scope's service (S3 for a virtual host). */
export async function handleRestXml(req: IncomingMessage, res: ServerResponse, services: RestXmlService[], opts: ProtocolOptions): Promise<void> {
  const start = logsRequests(opts.logger) ? performance.now() : 0;
  const scope = credentialScope(req.headers.authorization, req.url ?? "");
  const requestId = randomBytes(8).toString("hex").toUpperCase();
  const hostId = randomBytes(32).toString("base64");
  const service = services.find((s) => s.signingName === (scope.service ?? "s3")) ?? services[0];
  let ctx: RequestContext = { accountId: opts.defaultAccount, region: scope.region ?? opts.defaultRegion, requestId };
  let operation = "";
  let status = 200;
  let code: string | undefined;
  let blobRef: string | undefined;
  try {
    ctx = requestContext(scope, opts.defaultAccount, opts.defaultRegion, opts.callers, requestId, sessionTokenOf(req.headers, req.url ?? ""));
    const url = new URL(req.url ?? "/", "http://localhost");
    const rawPath = (req.url ?? "/").split("?")[0];
    let routes = routeCache.get(service);
    if (!routes) routeCache.set(service, (routes = compileRoutes(service.bindings)));
    const matched = matchRoute(routes, { method: req.method ?? "GET", segments: pathSegments(rawPath, hostBucket(req)), query: url.searchParams, headers: req.headers });
    if (!matched) throw service.errors.noRoute(req.method ?? "GET");
    operation = matched.operation;
    const loading = service.load?.(operation);
    if (loading) await loading;
    if (!service.implemented(operation)) throw service.errors.unsupported(operation);
    const schema = schemaFor(service.name, operation, "input");
    const payload = payloadOf(schema);
    const limit = payload?.kind === "blob" ? service.maxBlobBytes : opts.maxBodyBytes;
    let body = await readBody(req, limit, service.errors.tooLarge);
    let headers = req.headers;
    if (isAwsChunked(req.headers)) {
      const decoded = decodeAwsChunked(body);
      if (!decoded) throw service.errors.malformedBody();
      body = decoded.data;
      headers = unchunkedHeaders(req.headers, decoded);
    }
    if (payload?.kind === "blob") blobRef = service.blobs.put(body);
    const input = await decodeRestInput({ labels: matched.labels, query: url.searchParams, headers, body }, schema, blobRef).catch((e: unknown) => {
      throw e instanceof MalformedBody ? service.errors.malformedBody() : e;
    });
    const errors = inputErrors(service.name, operation, input);
    if (errors) throw service.errors.validation(errors, input, schema);
    opts.beforeInvoke();
    const output = ((await service.invoke(operation, input, ctx)) ?? {}) as Record<string, any>;
    if (opts.validateOutput) checkOutput(service.name, operation, output);
    const answer = restAnswer(output, schemaFor(service.name, operation, "output"), service.xmlNamespace, (ref) => service.blobs.get(ref));
    // A body that is part of the resource (a Content-Range in the answer) is HTTP's 206 Partial Content.
    if (answer.status === 200 && output.ContentRange !== undefined) answer.status = 206;
    send(res, req, answer, requestId, hostId);
  } catch (e) {
    if (blobRef !== undefined) service.blobs.discard(blobRef);
    const err = e instanceof AwsError ? e : e instanceof CredentialError ? service.errors.credentials(e) : service.errors.server();
    if (!(e instanceof AwsError || e instanceof CredentialError) || err.status >= 500) {
      if (err.status !== 501) opts.logger.error("operation failed", e, faultFields(ctx, service.name, operation));
    }
    status = err.status;
    code = err.code;
    if (!res.headersSent) sendError(res, req, err, requestId, hostId);
    else res.destroy();
  }
  if (start) opts.logger.request({ ...ctx, service: service.name, operation, status, durationMs: performance.now() - start, ...(code ? { error: code } : {}) });
}
