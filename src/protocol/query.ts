// The query protocols (STS, ELBv2: "query"; EC2: "ec2"): a form in, XML out, one error path.
// Route → decode the form by the model → validate → invoke → serialize, as awsJson does.
import type { IncomingMessage, ServerResponse } from "node:http";
import { randomUUID } from "node:crypto";
import { AwsError, commonErrors } from "./errors.js";
import { CredentialError, credentialScope, faultFields, requestContext, sessionTokenOf, type RequestContext } from "./context.js";
import { decodeForm, formValue, parseForm } from "./form.js";
import { ec2ValidationError, queryValidationError } from "./queryMessages.js";
import { readBody } from "./body.js";
import { answerBody } from "./json.js";
import { logsRequests, writeFailure, type ProtocolOptions, type ServedService } from "./service.js";
import { isHeldByCommit, writeAtTurnEnd } from "./turnEnd.js";
import { checkOutput, inputErrors, schemaFor } from "./validate.js";
import { ec2Error, ec2Response, queryError, queryResponse } from "./xml.js";

export interface QueryService extends ServedService {
  protocol: "query" | "ec2";
  /** The model's API version, which a request's `Version` names. */
  apiVersion: string;
  xmlNamespace: string;
}

/**
 * An answer written as it stood when its operation ran, for an operation whose answer waits a turn
 * (persistence holds answers until their commit): kept as its XML, not as a copy of its objects.
 */
export class XmlText {
  constructor(
    readonly value: object,
    readonly xml: string,
  ) {}
}

/** The XML of an operation's answer, in the service's protocol. */
export function answerXml(service: QueryService, operation: string, output: object, requestId: string): string {
  const schema = schemaFor(service.name, operation, "output");
  return service.protocol === "ec2" ? ec2Response(operation, output, schema, service.xmlNamespace, requestId) : queryResponse(operation, output, schema, service.xmlNamespace, requestId);
}

/** Errors of the query protocols themselves, raised before an operation runs. */
export const queryErrors = {
  missingAction: () => new AwsError("MissingAction", "The request is missing an action or a required parameter.", 400),
  invalidAction: (s: QueryService, action: string, version: string) =>
    s.protocol === "ec2"
      ? new AwsError("InvalidAction", `The action ${action} is not valid for this web service.`, 400)
      : new AwsError("InvalidAction", `Could not find operation ${action} for version ${version}`, 400),
  unsupported: (s: QueryService, action: string) => commonErrors.unsupported(`ecs-local does not support the ${s.signingName} action ${action} yet.`),
  unserved: (what: string, action: string, served: string[]) =>
    new AwsError("InvalidAction", `ecs-local does not serve ${what}${action ? ` (action ${action})` : ""}; it serves ${served.join(", ")}.`, 400),
  tooLarge: (limit: number) => new AwsError("RequestEntityTooLarge", `Request body must be at most ${limit} bytes.`, 413),
  /** Refused credentials: the query services' ExpiredToken/InvalidClientTokenId (403), EC2's RequestExpired/AuthFailure. */
  credentials: (protocol: "query" | "ec2", e: CredentialError) => {
    if (protocol === "ec2") return e.kind === "expired" ? new AwsError("RequestExpired", "Request has expired.", 400) : new AwsError("AuthFailure", "AWS was not able to validate the provided access credentials", 401);
    return new AwsError(e.kind === "expired" ? "ExpiredToken" : "InvalidClientTokenId", e.message, 403);
  },
  server: (protocol: "query" | "ec2") =>
    new AwsError(protocol === "ec2" ? "InternalError" : "InternalFailure", "An internal error occurred in ecs-local; it was logged.", 500),
};

const FORM_TYPE = "application/x-www-form-urlencoded";

/**
 * True when a request without X-Amz-Target is the query protocol's: signed for a service that is
 * not an awsJson one, or unsigned and a form (or a GET with an Action). One signed for ECS stays
 * with awsJson, whose errors its client reads.
 */
export function isQueryRequest(req: IncomingMessage, jsonSigningNames: ReadonlySet<string>): boolean {
  const service = credentialScope(req.headers.authorization, req.url ?? "").service;
  if (service !== undefined) return !jsonSigningNames.has(service);
  const type = (req.headers["content-type"] ?? "").split(";")[0].trim().toLowerCase();
  if (type === FORM_TYPE) return true;
  return req.method === "GET" && (req.url ?? "").includes("Action=");
}

/** Which service a query request is for: the credential scope's service, else the one whose model has the Action and Version. */
function route(services: QueryService[], signedFor: string | undefined, action: string, version: string): QueryService | undefined {
  if (signedFor !== undefined) return services.find((s) => s.signingName === signedFor);
  return (
    services.find((s) => s.apiVersion === version && s.has(action)) ??
    services.find((s) => s.has(action)) ??
    services.find((s) => s.apiVersion === version)
  );
}

/** `later`: a small answer waits for the end of the turn (its text made now), see turnEnd.ts. */
function send(res: ServerResponse, status: number, xml: string, requestId: string, later?: (e: unknown) => void): void {
  // A large answer is encoded once: measuring the string and then writing it would encode it twice.
  const body = answerBody(xml);
  if (later && typeof body === "string") return writeAtTurnEnd(() => write(res, status, body, requestId), later);
  write(res, status, body, requestId);
}

function write(res: ServerResponse, status: number, body: string | Buffer, requestId: string): void {
  const length = Buffer.byteLength(body);
  res.writeHead(status, { "Content-Type": "text/xml", "Content-Length": length, "x-amzn-RequestId": requestId });
  // All ASCII: the same bytes copied as latin1 rather than encoded (as JSON answers, json.ts).
  if (typeof body === "string") res.end(body, length === body.length ? "latin1" : "utf8");
  else res.end(body);
}

function sendError(res: ServerResponse, err: AwsError, protocol: "query" | "ec2", requestId: string, xmlns?: string): void {
  send(res, err.status, protocol === "ec2" ? ec2Error(err.code, err.message, requestId) : queryError(err.code, err.message, err.status, requestId, xmlns), requestId);
}

/** Handles one query-protocol request; `served` names every service for the "not served here" answer. */
export async function handleQuery(req: IncomingMessage, res: ServerResponse, services: QueryService[], served: string[], opts: ProtocolOptions): Promise<void> {
  const start = logsRequests(opts.logger) ? performance.now() : 0;
  const scope = credentialScope(req.headers.authorization, req.url ?? "");
  const requestId = randomUUID();
  let ctx: RequestContext = { accountId: opts.defaultAccount, region: scope.region ?? opts.defaultRegion, requestId };
  let service: QueryService | undefined;
  let operation = "";
  let status = 200;
  let code: string | undefined;
  try {
    const raw = await readBody(req, opts.maxBodyBytes, queryErrors.tooLarge);
    const query = req.url?.includes("?") ? req.url.slice(req.url.indexOf("?") + 1) : "";
    const form = parseForm(req.method === "GET" ? query : raw.toString("utf8"));
    operation = formValue(form, "Action") ?? "";
    const version = formValue(form, "Version") ?? "";
    service = route(services, scope.service, operation, version);
    // After routing, so that a refused key (expired session credentials) is answered in the service's envelope.
    ctx = requestContext(scope, opts.defaultAccount, opts.defaultRegion, opts.callers, requestId, sessionTokenOf(req.headers, req.url ?? ""));
    if (!service) throw queryErrors.unserved(scope.service ?? `Version ${version || "(none)"}`, operation, served);
    if (!operation) throw queryErrors.missingAction();
    if (!service.has(operation)) throw queryErrors.invalidAction(service, operation, version);
    // An operation's code loads on its first request; after that this awaits nothing.
    const loading = service.load?.(operation);
    if (loading) await loading;
    if (!service.implemented(operation)) throw queryErrors.unsupported(service, operation);
    const inputSchema = schemaFor(service.name, operation, "input");
    const input = decodeForm(form, inputSchema);
    const errors = inputErrors(service.name, operation, input);
    if (errors) throw service.protocol === "ec2" ? ec2ValidationError(errors, input, inputSchema) : queryValidationError(errors, input);
    opts.beforeInvoke();
    // Serialized in the same turn as the operation ran, before a timer can move state on.
    // Small answers leave at the turn's end, those a commit holds as they come after it (turnEnd.ts).
    const answer = service.invoke(operation, input, ctx);
    const queued = !isHeldByCommit(answer);
    const output = (await answer) ?? {};
    if (opts.validateOutput) checkOutput(service.name, operation, output instanceof XmlText ? output.value : output);
    const failed = queued ? writeFailure(opts.logger, ctx, service.name, operation) : undefined;
    send(res, 200, output instanceof XmlText ? output.xml : answerXml(service, operation, output, ctx.requestId), ctx.requestId, failed);
  } catch (e) {
    const protocol = service?.protocol ?? "query";
    const err = e instanceof AwsError ? e : e instanceof CredentialError ? queryErrors.credentials(protocol, e) : queryErrors.server(protocol);
    if (!(e instanceof AwsError || e instanceof CredentialError) || err.status >= 500) opts.logger.error("operation failed", e, faultFields(ctx, service?.name ?? scope.service, operation));
    status = err.status;
    code = err.code;
    sendError(res, err, protocol, ctx.requestId, service?.xmlNamespace);
  }
  if (start) {
    opts.logger.request({ ...ctx, service: service?.name ?? scope.service ?? "-", operation, status, durationMs: performance.now() - start, ...(code ? { error: code } : {}) });
  }
}
