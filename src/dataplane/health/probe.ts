// One health check as a target group defines it: an HTTP GET of the check path (ALB's user agent,
// matched against the group's codes) or a TCP connection, within the timeout.
import { request } from "node:http";
import { connect } from "node:net";
import { codeMatches, type ProbeOutcome } from "../../services/elbv2/domain/health.js";
import type { TargetGroup } from "../../services/elbv2/generated/types.js";
import type { TargetAddress } from "../../services/ecs/addressPort.js";

export const USER_AGENT = "ELB-HealthChecker/2.0";

/** The port a check goes to: the target's own (`traffic-port`) or the group's fixed one. */
export function checkPort(tg: TargetGroup, trafficPort: number): number {
  const p = tg.HealthCheckPort;
  return p === undefined || p === "traffic-port" ? trafficPort : Number(p);
}

export function probe(tg: TargetGroup, where: TargetAddress, timeoutMs: number): Promise<ProbeOutcome> {
  const protocol = tg.HealthCheckProtocol ?? (tg.Protocol === "TCP" || tg.Protocol === "UDP" || tg.Protocol === "TCP_UDP" || tg.Protocol === "TLS" ? "TCP" : "HTTP");
  return protocol === "TCP" ? tcpProbe(where, timeoutMs) : httpProbe(tg, where, timeoutMs);
}

function httpProbe(tg: TargetGroup, where: TargetAddress, timeoutMs: number): Promise<ProbeOutcome> {
  return new Promise((resolve) => {
    let done = false;
    const finish = (o: ProbeOutcome): void => {
      if (done) return;
      done = true;
      resolve(o);
    };
    const req = request({ host: where.host, port: where.port, method: "GET", path: tg.HealthCheckPath ?? "/", headers: { "User-Agent": USER_AGENT, Connection: "close" }, agent: false, insecureHTTPParser: true });
    const timer = setTimeout(() => {
      finish({ ok: false, kind: "timeout" });
      req.destroy();
    }, timeoutMs);
    req.on("response", (res) => {
      clearTimeout(timer);
      res.resume();
      const code = res.statusCode ?? 0;
      const matcher = tg.Matcher?.HttpCode ?? "200";
      finish(codeMatches(matcher, code) ? { ok: true } : { ok: false, kind: "code", code });
    });
    req.on("error", () => {
      clearTimeout(timer);
      finish({ ok: false, kind: "connection" });
    });
    req.end();
  });
}

function tcpProbe(where: TargetAddress, timeoutMs: number): Promise<ProbeOutcome> {
  return new Promise((resolve) => {
    const socket = connect({ host: where.host, port: where.port });
    const timer = setTimeout(() => {
      socket.destroy();
      resolve({ ok: false, kind: "timeout" });
    }, timeoutMs);
    socket.once("connect", () => {
      clearTimeout(timer);
      socket.end();
      resolve({ ok: true });
    });
    socket.once("error", () => {
      clearTimeout(timer);
      resolve({ ok: false, kind: "connection" });
    });
  });
}
