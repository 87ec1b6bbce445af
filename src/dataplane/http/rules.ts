// Which rule of an ALB listener takes a request: the first, in priority order, all of whose
// conditions match (the default rule matches everything). Values within a condition are
// alternatives; `*` and `?` are wildcards; paths and methods are case-sensitive, hosts and header
// values are not. Pure, so it is tested without sockets.
import type { Action, Rule, RuleCondition } from "../../services/elbv2/generated/types.js";

/** What of a request the conditions look at. */
export interface RequestFacts {
  method: string;
  /** The path without its query string. */
  path: string;
  /** The Host header without its port. */
  host: string;
  headers: Record<string, string | string[] | undefined>;
  /** Decoded query string pairs, in order. */
  query: [string, string][];
  sourceIp: string;
}

const patterns = new Map<string, RegExp>();

/** A condition value as a regular expression: `*` any run of characters, `?` one character. */
export function wildcard(value: string, caseInsensitive: boolean): RegExp {
  const key = `${caseInsensitive ? "i" : "s"}:${value}`;
  let re = patterns.get(key);
  if (!re) {
    const body = value.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".");
    re = new RegExp(`^${body}$`, caseInsensitive ? "is" : "s");
    if (patterns.size > 10_000) patterns.clear();
    patterns.set(key, re);
  }
  return re;
}

function ipv4(text: string): number | undefined {
  const m = /^(?:::ffff:)?(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (!m) return undefined;
  const parts = m.slice(1).map(Number);
  return parts.some((p) => p > 255) ? undefined : ((parts[0] << 24) | (parts[1] << 16) | (parts[2] << 8) | parts[3]) >>> 0;
}

/** Whether an IPv4 address lies in a CIDR block (IPv6 blocks match only the same text). */
export function inCidr(ip: string, cidr: string): boolean {
  const [base, bits] = cidr.split("/");
  const a = ipv4(ip);
  const b = ipv4(base);
  if (a === undefined || b === undefined) return ip === base;
  const n = Number(bits ?? 32);
  const mask = n === 0 ? 0 : (~0 << (32 - n)) >>> 0;
  return (a & mask) === (b & mask);
}

function headerValues(facts: RequestFacts, name: string): string[] {
  const v = facts.headers[name.toLowerCase()];
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

export function conditionMatches(c: RuleCondition, facts: RequestFacts): boolean {
  switch (c.Field) {
    case "path-pattern":
      return (c.PathPatternConfig?.Values ?? c.Values ?? []).some((v) => wildcard(v, false).test(facts.path));
    case "host-header":
      return (c.HostHeaderConfig?.Values ?? c.Values ?? []).some((v) => wildcard(v, true).test(facts.host));
    case "http-header": {
      const got = headerValues(facts, c.HttpHeaderConfig?.HttpHeaderName ?? "");
      return (c.HttpHeaderConfig?.Values ?? []).some((v) => got.some((g) => wildcard(v, true).test(g)));
    }
    case "http-request-method":
      return (c.HttpRequestMethodConfig?.Values ?? []).includes(facts.method);
    case "query-string":
      return (c.QueryStringConfig?.Values ?? []).some((kv) =>
        facts.query.some(([k, v]) => (kv.Key === undefined || wildcard(kv.Key, true).test(k)) && wildcard(kv.Value ?? "*", true).test(v)),
      );
    case "source-ip":
      return (c.SourceIpConfig?.Values ?? []).some((cidr) => inCidr(facts.sourceIp, cidr));
    default:
      return false;
  }
}

/** The first rule (rules in priority order, default last) whose conditions all match. */
export function matchRule(rules: Rule[], facts: RequestFacts): Rule | undefined {
  return rules.find((r) => r.IsDefault || (r.Conditions ?? []).every((c) => conditionMatches(c, facts)));
}

/** The action that answers: the last one by Order (authentication actions, which come first, are not served here). */
export function finalAction(rule: Rule): Action | undefined {
  const actions = [...(rule.Actions ?? [])].sort((a, b) => (a.Order ?? 0) - (b.Order ?? 0));
  return actions.find((a) => a.Type === "forward" || a.Type === "fixed-response" || a.Type === "redirect");
}

export function factsOf(method: string, url: string, headers: RequestFacts["headers"], sourceIp: string): RequestFacts {
  const q = url.indexOf("?");
  const path = q < 0 ? url : url.slice(0, q);
  const query: [string, string][] = [];
  if (q >= 0) for (const [k, v] of new URLSearchParams(url.slice(q + 1))) query.push([k, v]);
  const hostHeader = String(headers.host ?? "");
  const host = hostHeader.startsWith("[") ? hostHeader.slice(0, hostHeader.indexOf("]") + 1) : hostHeader.split(":")[0];
  return { method, path, host, headers, query, sourceIp: sourceIp.replace(/^::ffff:/, "") };
}
