// The data plane's decisions without sockets: which rule takes a request, how weights and round
// robin pick a target, the pages an ALB answers itself, redirects' placeholders, the health state
// machine with AWS's reasons, the containers' DNS answers, and where a listener is served.
import { describe, expect, it } from "vitest";
import { conditionMatches, factsOf, finalAction, inCidr, matchRule, wildcard } from "../../src/dataplane/http/rules.js";
import { pickGroup, routable, RoundRobin, weightsOf } from "../../src/dataplane/http/balancer.js";
import { errorPage } from "../../src/dataplane/http/errorPages.js";
import { redirectLocation } from "../../src/dataplane/http/actions.js";
import { traceId } from "../../src/dataplane/http/forward.js";
import { localPortFor, notServed } from "../../src/dataplane/listeners.js";
import { codeMatches, nextHealth, type Streak } from "../../src/services/elbv2/domain/health.js";
import { answer } from "../../src/dataplane/dns/answers.js";
import type { Rule } from "../../src/services/elbv2/generated/types.js";
import type { GroupView } from "../../src/services/elbv2/trafficPort.js";
import type { RegistryPort } from "../../src/services/servicediscovery/port.js";

const facts = (url: string, headers: Record<string, string> = {}, method = "GET", ip = "10.0.0.5") => factsOf(method, url, { host: "shop.example.com:8080", ...headers }, ip);
const rule = (priority: string, conditions: Rule["Conditions"], body = priority): Rule => ({ Priority: priority, IsDefault: false, Conditions: conditions, Actions: [{ Type: "fixed-response", FixedResponseConfig: { StatusCode: "200", MessageBody: body } }] });
const fallback: Rule = { Priority: "default", IsDefault: true, Conditions: [], Actions: [{ Type: "fixed-response", FixedResponseConfig: { StatusCode: "404" } }] };

describe("rule matching", () => {
  it("reads a request's path, query, host without port and source address", () => {
    const f = factsOf("POST", "/api/items?sort=asc&tag=a%20b", { host: "[::1]:80" }, "::ffff:192.168.1.4");
    expect([f.method, f.path, f.query, f.host, f.sourceIp]).toEqual(["POST", "/api/items", [["sort", "asc"], ["tag", "a b"]], "[::1]", "192.168.1.4"]);
  });

  it("wildcards: * any run, ? one character; paths case-sensitive, hosts not", () => {
    expect([wildcard("/img/*.png", false).test("/img/a/b.png"), wildcard("/img/?.png", false).test("/img/ab.png"), wildcard("/API/*", false).test("/api/x")]).toEqual([true, false, false]);
    expect(conditionMatches({ Field: "host-header", HostHeaderConfig: { Values: ["*.EXAMPLE.com"] } }, facts("/"))).toBe(true);
  });

  it("each condition type, values within one being alternatives", () => {
    const f = facts("/cart?user=ann&debug=1", { "x-canary": "Yes" }, "PUT", "10.1.2.3");
    const cases: [Rule["Conditions"], boolean][] = [
      [[{ Field: "path-pattern", PathPatternConfig: { Values: ["/shop", "/cart*"] } }], true],
      [[{ Field: "path-pattern", Values: ["/shop"] }], false],
      [[{ Field: "http-header", HttpHeaderConfig: { HttpHeaderName: "X-Canary", Values: ["yes"] } }], true],
      [[{ Field: "http-request-method", HttpRequestMethodConfig: { Values: ["GET", "POST"] } }], false],
      [[{ Field: "query-string", QueryStringConfig: { Values: [{ Key: "debug", Value: "1" }] } }], true],
      [[{ Field: "query-string", QueryStringConfig: { Values: [{ Value: "ann" }] } }], true],
      [[{ Field: "source-ip", SourceIpConfig: { Values: ["10.1.0.0/16"] } }], true],
      [[{ Field: "source-ip", SourceIpConfig: { Values: ["10.2.0.0/16"] } }], false],
    ];
    expect(cases.map(([c]) => (c ?? []).every((x) => conditionMatches(x, f)))).toEqual(cases.map(([, want]) => want));
    expect([inCidr("10.0.0.1", "0.0.0.0/0"), inCidr("10.0.0.1", "10.0.0.1/32"), inCidr("10.0.0.2", "10.0.0.1/32")]).toEqual([true, true, false]);
  });

  it("takes the first rule in priority order whose conditions all match, else the default", () => {
    const rules = [
      rule("1", [{ Field: "path-pattern", Values: ["/api/*"] }, { Field: "http-request-method", HttpRequestMethodConfig: { Values: ["POST"] } }], "api-post"),
      rule("2", [{ Field: "path-pattern", Values: ["/api/*"] }], "api"),
      fallback,
    ];
    const pick = (url: string, method = "GET") => matchRule(rules, facts(url, {}, method))!.Actions![0].FixedResponseConfig!.MessageBody ?? "default";
    expect([pick("/api/x", "POST"), pick("/api/x"), pick("/other")]).toEqual(["api-post", "api", "default"]);
  });

  it("answers with the last action by order (an authentication action before it is not served)", () => {
    const r: Rule = { Priority: "1", Actions: [{ Type: "forward", TargetGroupArn: "tg", Order: 2 }, { Type: "authenticate-oidc", Order: 1, AuthenticateOidcConfig: {} as never }] };
    expect(finalAction(r)).toEqual({ Type: "forward", TargetGroupArn: "tg", Order: 2 });
  });
});

describe("forwarding", () => {
  const group = (states: string[]): GroupView => ({ tg: {}, attributes: new Map(), targets: states.map((state, i) => ({ key: `i-${i}:80`, id: `i-${i}`, port: 80, state })) });

  it("draws a group by weight; a lone target group weighs 1; weight 0 is never drawn unless all are 0", () => {
    const w = weightsOf({ Type: "forward", ForwardConfig: { TargetGroups: [{ TargetGroupArn: "blue", Weight: 80 }, { TargetGroupArn: "green", Weight: 20 }, { TargetGroupArn: "off", Weight: 0 }] } });
    expect([0, 0.5, 0.79, 0.8, 0.99].map((d) => pickGroup(w, d))).toEqual(["blue", "blue", "blue", "green", "green"]);
    expect(weightsOf({ Type: "forward", TargetGroupArn: "tg" })).toEqual([{ arn: "tg", weight: 1 }]);
    expect(pickGroup([{ arn: "a", weight: 0 }, { arn: "b", weight: 0 }], 0.9)).toBe("a");
  });

  it("routes to healthy targets only, to every live one when none is healthy (fail open), never to draining ones", () => {
    expect(routable(group(["healthy", "unhealthy", "draining"])).map((t) => t.id)).toEqual(["i-0"]);
    expect(routable(group(["unhealthy", "initial", "draining", "unused"])).map((t) => t.id)).toEqual(["i-0", "i-1"]);
    expect(routable(group(["draining"]))).toEqual([]);
  });

  it("takes targets in turn, per group", () => {
    const rr = new RoundRobin();
    const ts = group(["healthy", "healthy", "healthy"]).targets;
    expect([1, 2, 3, 4].map(() => rr.pick("g", ts)!.id)).toEqual(["i-0", "i-1", "i-2", "i-0"]);
    expect(rr.pick("other", ts)!.id).toBe("i-0");
  });

  it("keeps the client's trace id, or starts a root of the epoch seconds and 96 random bits", () => {
    expect(traceId("Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1", 0)).toBe("Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1");
    expect(traceId(undefined, 1_700_000_000_000)).toMatch(/^Root=1-6553f100-[0-9a-f]{24}$/);
  });
});

describe("the ALB's own answers", () => {
  it("error pages in the ALB's words", () => {
    expect(errorPage(502)).toBe("<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n</body>\r\n</html>\r\n");
    expect([503, 504].map((s) => errorPage(s).match(/<title>(.*)<\/title>/)![1])).toEqual(["503 Service Temporarily Unavailable", "504 Gateway Time-out"]);
  });

  it("redirects fill #{protocol}, #{host}, #{port}, #{path}, #{query} and drop a protocol's default port", () => {
    const f = facts("/old/page?x=1");
    expect(redirectLocation({ StatusCode: "HTTP_301", Protocol: "HTTPS", Port: "443" }, f, "HTTP", 8080, "x=1")).toBe("https://shop.example.com/old/page?x=1");
    expect(redirectLocation({ StatusCode: "HTTP_302", Path: "/new/#{path}", Query: "from=#{host}" }, f, "HTTP", 8080, "x=1")).toBe("http://shop.example.com:8080/new/old/page?from=shop.example.com");
  });
});

describe("health checks", () => {
  const t = { healthy: 2, unhealthy: 3 };
  const run = (outcomes: Parameters<typeof nextHealth>[2][]) => {
    let h = { State: "initial" } as Parameters<typeof nextHealth>[0];
    let s: Streak = { ok: 0, fail: 0 };
    const seen: string[] = [];
    for (const o of outcomes) {
      ({ health: h, streak: s } = nextHealth(h, s, o, t));
      seen.push(h.State!);
    }
    return { seen, last: h };
  };

  it("healthy after the healthy threshold in a row; unhealthy after the unhealthy threshold, with AWS's reason", () => {
    const ok = { ok: true } as const;
    const code = { ok: false, kind: "code", code: 500 } as const;
    expect(run([ok, ok, code, code, ok, code]).seen).toEqual(["initial", "healthy", "healthy", "healthy", "healthy", "healthy"]);
    const down = run([ok, ok, code, code, code]);
    expect(down.seen).toEqual(["initial", "healthy", "healthy", "healthy", "unhealthy"]);
    expect(down.last).toEqual({ State: "unhealthy", Reason: "Target.ResponseCodeMismatch", Description: "Health checks failed with these codes: [500]" });
    expect(run([{ ok: false, kind: "timeout" }, { ok: false, kind: "timeout" }, { ok: false, kind: "timeout" }]).last).toEqual({ State: "unhealthy", Reason: "Target.Timeout", Description: "Request timed out" });
    expect(run([{ ok: false, kind: "connection" }, { ok: false, kind: "connection" }, { ok: false, kind: "connection" }, ok, ok]).seen).toEqual(["initial", "initial", "unhealthy", "unhealthy", "healthy"]);
  });

  it("matcher codes: one, a list, a range", () => {
    expect([codeMatches("200", 200), codeMatches("200,302", 302), codeMatches("200-299", 204), codeMatches("200-299", 301), codeMatches(undefined, 200)]).toEqual([true, true, true, false, true]);
  });
});

describe("listeners on the loopback", () => {
  it("ports below 1024 move by the offset, others keep their number; HTTPS and TLS say why they are not served", () => {
    expect([localPortFor(80, 8000), localPortFor(8080, 8000), localPortFor(80, -1)]).toEqual([8080, 8080, undefined]);
    expect(notServed("HTTPS")).toBe("HTTPS listeners are not served: ecs-local holds no certificates");
    expect(notServed("HTTP")).toBeUndefined();
  });
});

describe("the containers' DNS answers", () => {
  const registry = {
    resolve: (name: string) =>
      name === "api.corp.local"
        ? { records: [{ Type: "A", TTL: 10 }, { Type: "SRV", TTL: 10 }], instances: [{ AWS_INSTANCE_IPV4: "10.0.0.1", AWS_INSTANCE_PORT: "8080", __id: "t1" }] }
        : undefined,
    inZone: (name: string) => name.endsWith(".corp.local"),
  } as unknown as RegistryPort;

  it("answers A and SRV from the service's records, SRV targets by instance, NXDOMAIN inside the zone, nothing for other names", () => {
    expect(answer(registry, { name: "api.corp.local", type: "A" })!.answers).toEqual([{ name: "api.corp.local", type: "A", ttl: 10, data: "10.0.0.1" }]);
    expect(answer(registry, { name: "api.corp.local.", type: "SRV" })!.answers).toEqual([{ name: "api.corp.local", type: "SRV", ttl: 10, data: { priority: 1, weight: 1, port: 8080, target: "t1.api.corp.local" } }]);
    expect(answer(registry, { name: "t1.api.corp.local", type: "A" })!.answers).toEqual([{ name: "t1.api.corp.local", type: "A", ttl: 10, data: "10.0.0.1" }]);
    expect(answer(registry, { name: "web.corp.local", type: "A" })).toEqual({ answers: [], exists: false });
    expect(answer(registry, { name: "example.com", type: "A" })).toBeUndefined();
    expect(answer(registry, { name: "db.internal", type: "A" }, (n) => (n === "db.internal" ? { ips: ["10.0.0.7"], ttl: 15 } : undefined))!.answers).toEqual([{ name: "db.internal", type: "A", ttl: 15, data: "10.0.0.7" }]);
  });
});
