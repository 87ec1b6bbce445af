// A forward action: a target group by weight (sticky when asked), a target in turn, and the request
// proxied to where the target really is with the headers an ALB adds. A target that refuses or
// breaks the connection answers 502, one that outlasts the idle timeout 504, a group with no target 503.
import { request as httpRequest, type IncomingMessage, type ServerResponse } from "node:http";
import { randomBytes } from "node:crypto";
import type { Action } from "../../services/elbv2/generated/types.js";
import type { TrafficPort } from "../../services/elbv2/trafficPort.js";
import type { AddressPort } from "../../services/ecs/addressPort.js";
import { cookie, decodeSticky, encodeSticky, pickGroup, routable, weightsOf, type RoundRobin } from "./balancer.js";
import { sendError } from "./errorPages.js";

export interface ForwardContext {
  traffic: TrafficPort;
  addresses: AddressPort;
  roundRobin: RoundRobin;
}

export interface Arrival {
  accountId: string;
  region: string;
  /** Idle timeout of the load balancer, in seconds. */
  idleTimeout: number;
  /** The listener's own port and protocol (X-Forwarded-Port and -Proto say these, as behind AWS). */
  listenerPort: number;
  protocol: string;
  clientIp: string;
}

/** X-Amzn-Trace-Id: the client's own is kept; else a new root, `1-<epoch seconds hex>-<96 random bits>`. */
export function traceId(given: string | string[] | undefined, nowMs: number): string {
  if (typeof given === "string" && /Root=1-[0-9a-f]{8}-[0-9a-f]{24}/.test(given)) return given;
  return `Root=1-${Math.floor(nowMs / 1000).toString(16).padStart(8, "0")}-${randomBytes(12).toString("hex")}`;
}

export function forwardedHeaders(req: IncomingMessage, a: Arrival): Record<string, string | string[] | undefined> {
  const prior = req.headers["x-forwarded-for"];
  return {
    ...req.headers,
    "x-forwarded-for": prior ? `${String(prior)}, ${a.clientIp}` : a.clientIp,
    "x-forwarded-proto": a.protocol.toLowerCase(),
    "x-forwarded-port": String(a.listenerPort),
    "x-amzn-trace-id": traceId(req.headers["x-amzn-trace-id"], Date.now()),
  };
}

export function forward(ctx: ForwardContext, action: Action, a: Arrival, req: IncomingMessage, res: ServerResponse): void {
  const weights = weightsOf(action);
  const groupSticky = action.ForwardConfig?.TargetGroupStickinessConfig?.Enabled === true && weights.length > 1;
  const stuckGroup = groupSticky ? decodeSticky(cookie(req.headers.cookie, "AWSALBTG")) : undefined;
  const arn = weights.some((w) => w.arn === stuckGroup) ? stuckGroup! : pickGroup(weights, Math.random());
  const group = arn ? ctx.traffic.group(a.accountId, a.region, arn) : undefined;
  if (!arn || !group) return sendError(res, 503);
  const targets = routable(group);
  if (!targets.length) return sendError(res, 503);
  const targetSticky = group.attributes.get("stickiness.enabled") === "true" && group.attributes.get("stickiness.type") === "lb_cookie";
  const stuck = targetSticky ? decodeSticky(cookie(req.headers.cookie, "AWSALB")) : undefined;
  const target = targets.find((t) => t.key === stuck) ?? ctx.roundRobin.pick(arn, targets)!;
  const where = ctx.addresses.locate(a.accountId, a.region, group.tg.TargetType ?? "instance", target.id, target.port);
  if (!where) return sendError(res, 502);

  const cookies: string[] = [];
  if (groupSticky) cookies.push(`AWSALBTG=${encodeSticky(arn)}; Expires=${expiry(action.ForwardConfig?.TargetGroupStickinessConfig?.DurationSeconds ?? 3600)}; Path=/`);
  if (targetSticky) cookies.push(`AWSALB=${encodeSticky(target.key)}; Expires=${expiry(Number(group.attributes.get("stickiness.lb_cookie.duration_seconds") ?? 86400))}; Path=/`);

  // Lenient as a load balancer is with what targets answer (bare LF line ends from CGI scripts, …).
  const upstream = httpRequest({ host: where.host, port: where.port, method: req.method, path: req.url, headers: forwardedHeaders(req, a), insecureHTTPParser: true });
  upstream.setTimeout(a.idleTimeout * 1000, () => {
    upstream.destroy();
    sendError(res, 504);
  });
  upstream.on("error", () => sendError(res, 502));
  upstream.on("response", (up) => {
    const headers = { ...up.headers };
    if (cookies.length) headers["set-cookie"] = [...(headers["set-cookie"] ?? []), ...cookies];
    res.writeHead(up.statusCode ?? 502, headers);
    up.pipe(res);
    up.on("error", () => res.destroy());
  });
  req.pipe(upstream);
  res.on("close", () => {
    if (!res.writableFinished) upstream.destroy();
  });
}

function expiry(seconds: number): string {
  return new Date(Date.now() + seconds * 1000).toUTCString();
}
