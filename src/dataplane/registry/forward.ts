// Passing a registry request on to the registry behind ECR, body and answer streamed: every
// repository there lives under its account and region (`<account>/<region>/<name>`), so the paths
// go in with that prefix and the upload locations come back without it, on the client's own host.
import { request as httpRequest, type IncomingHttpHeaders, type IncomingMessage, type OutgoingHttpHeaders, type ServerResponse } from "node:http";
import { request as httpsRequest } from "node:https";
import type { Upstream } from "./process.js";
import { sendError } from "./errors.js";

const HOP = new Set(["host", "authorization", "connection", "keep-alive", "proxy-authorization", "proxy-connection", "te", "trailer", "upgrade"]);

function outgoing(headers: IncomingHttpHeaders, drop: Set<string>): OutgoingHttpHeaders {
  const out: OutgoingHttpHeaders = {};
  for (const [k, v] of Object.entries(headers)) if (v !== undefined && !drop.has(k)) out[k] = v;
  return out;
}

export interface ForwardOptions {
  /** The path and query as the registry behind sees them (names prefixed). */
  path: string;
  /** `<account>/<region>`: taken off the locations the registry answers. */
  prefix: string;
  method?: string;
}

function open(up: Upstream, method: string, path: string, headers: OutgoingHttpHeaders, onAnswer: (answer: IncomingMessage) => void) {
  const target = up.url ? new URL(up.url.pathname.replace(/\/$/, "") + path, up.url) : undefined;
  const options = { method, headers: { ...headers, host: target?.host ?? "registry" } };
  return target
    ? (target.protocol === "https:" ? httpsRequest : httpRequest)(target, options, onAnswer)
    : httpRequest({ socketPath: up.socketPath, path, ...options }, onAnswer);
}

export interface Buffered {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** One request to the registry behind, its answer read whole (a manifest checked before ECR records it). */
export function send(up: Upstream, method: string, path: string, headers: IncomingHttpHeaders, body: Buffer): Promise<Buffered> {
  return new Promise((resolve, reject) => {
    const out = outgoing(headers, HOP);
    out["content-length"] = body.length;
    delete out["transfer-encoding"];
    const req = open(up, method, path, out, (answer) => {
      const chunks: Buffer[] = [];
      answer.on("data", (c: Buffer) => chunks.push(c));
      answer.on("end", () => resolve({ status: answer.statusCode ?? 502, headers: answer.headers, body: Buffer.concat(chunks) }));
      answer.on("error", reject);
    });
    req.on("error", reject);
    req.end(body);
  });
}

/** Sends the request on and resolves with the registry's status once its answer has been passed back. */
export function forward(up: Upstream, req: IncomingMessage, res: ServerResponse, o: ForwardOptions): Promise<number> {
  return new Promise((resolve) => {
    const headers = outgoing(req.headers, HOP);
    const onAnswer = (answer: IncomingMessage): void => {
      const back = outgoing(answer.headers, new Set([...HOP, "transfer-encoding"]));
      const location = answer.headers.location;
      if (location) back.location = clientLocation(location, o.prefix, req.headers.host ?? "localhost");
      res.writeHead(answer.statusCode ?? 502, back);
      answer.pipe(res);
      answer.on("end", () => resolve(answer.statusCode ?? 502));
      answer.on("error", () => resolve(502));
    };
    const upstream = open(up, o.method ?? req.method ?? "GET", o.path, headers, onAnswer);
    upstream.on("error", (e) => {
      sendError(res, 503, "UNAVAILABLE", `the registry behind ECR did not answer: ${e.message}`);
      resolve(503);
    });
    req.pipe(upstream);
  });
}

/** A location the registry answered, as the client must follow it: its own host, the name without the prefix. */
export function clientLocation(location: string, prefix: string, host: string): string {
  const u = new URL(location, "http://registry");
  const path = u.pathname.startsWith(`/v2/${prefix}/`) ? `/v2/${u.pathname.slice(prefix.length + 5)}` : u.pathname;
  return `http://${host}${path}${u.search}`;
}
