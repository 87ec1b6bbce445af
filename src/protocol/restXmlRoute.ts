// rest-xml routing (S3): which operation a request is, from its method, path and query string,
// by the model's HTTP bindings (`PUT /{Bucket}/{Key+}?tagging`), for every operation of the model.
import type { IncomingHttpHeaders, IncomingMessage } from "node:http";
import { credentialScope } from "./context.js";

export interface HttpBinding {
  method: string;
  requestUri: string;
  responseCode?: number;
  /** Required headers (`h:name`) and query parameters (`q:name`). */
  requires: readonly string[];
  /** Shares its path with the operation that replaced it, which wins. */
  deprecated?: boolean;
}

interface Route {
  operation: string;
  method: string;
  /** `/` has none; `/{Bucket}` one label; `/{Bucket}/{Key+}` a label and a greedy one. */
  labels: { name: string; greedy: boolean; literal?: string }[];
  /** Query parameters the path names literally (`?location`, `?list-type=2`). */
  literals: [string, string | undefined][];
  requires: readonly string[];
  deprecated: boolean;
}

/** The request as routing sees it: the bucket (path or virtual host) and key decoded. */
export interface RestRequest {
  method: string;
  /** Label values in path order (`Bucket`, then `Key`). */
  segments: string[];
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
}

export interface Matched {
  operation: string;
  /** Label values by label name (`Bucket`, `Key`). */
  labels: Record<string, string>;
}

export function compileRoutes(bindings: Readonly<Record<string, HttpBinding>>): Route[] {
  return Object.entries(bindings).map(([operation, b]) => {
    const [path, query = ""] = b.requestUri.split("?");
    const labels = path
      .split("/")
      .filter(Boolean)
      .map((part) => {
        const m = /^\{(\w+)(\+)?\}$/.exec(part);
        return m ? { name: m[1], greedy: m[2] === "+" } : { name: part, greedy: false, literal: part };
      });
    const literals = query
      .split("&")
      .filter(Boolean)
      .map((p): [string, string | undefined] => {
        const i = p.indexOf("=");
        return i < 0 ? [p, undefined] : [p.slice(0, i), p.slice(i + 1)];
      });
    return { operation, method: b.method, labels, literals, requires: b.requires, deprecated: b.deprecated === true };
  });
}

/**
 * The path split into the bucket and the key: `/b/a/b.txt` → [b, a/b.txt]; a virtual-hosted bucket
 * (`b.localhost`) comes first. Percent-encoding is undone segment by segment, so a key keeps its slashes.
 */
export function pathSegments(rawPath: string, hostBucket: string | undefined): string[] {
  const path = rawPath.startsWith("/") ? rawPath.slice(1) : rawPath;
  const decode = (s: string): string => {
    try {
      return decodeURIComponent(s);
    } catch {
      return s;
    }
  };
  const out: string[] = hostBucket !== undefined ? [hostBucket] : [];
  if (hostBucket === undefined) {
    const slash = path.indexOf("/");
    const bucket = slash < 0 ? path : path.slice(0, slash);
    if (bucket === "") return out;
    out.push(decode(bucket));
    const key = slash < 0 ? "" : path.slice(slash + 1);
    if (key !== "") out.push(key.split("/").map(decode).join("/"));
    return out;
  }
  if (path !== "") out.push(path.split("/").map(decode).join("/"));
  return out;
}

function fits(route: Route, req: RestRequest): boolean {
  if (route.method !== req.method) return false;
  if (route.labels.length !== req.segments.length) return false;
  if (route.labels.some((l, i) => l.literal !== undefined && l.literal !== req.segments[i])) return false;
  for (const [k, v] of route.literals) {
    if (!req.query.has(k)) return false;
    if (v !== undefined && req.query.get(k) !== v) return false;
  }
  return route.requires.every((r) => (r.startsWith("h:") ? req.headers[r.slice(2)] !== undefined : req.query.has(r.slice(2))));
}

/**
 * The operation whose binding fits best: among those whose method, path and required parameters
 * fit, the one naming the most of them (`?versions` beats the bare bucket; a copy source header makes
 * a PUT a CopyObject).
 */
export function matchRoute(routes: Route[], req: RestRequest): Matched | undefined {
  let best: Route | undefined;
  let score = -1;
  for (const r of routes) {
    if (!fits(r, req)) continue;
    const s = r.literals.length * 10 + r.requires.length * 2 - (r.deprecated ? 1 : 0);
    if (s > score) [best, score] = [r, s];
  }
  if (!best) return undefined;
  return { operation: best.operation, labels: Object.fromEntries(best.labels.map((l, i) => [l.name, req.segments[i]])) };
}

/** True when the request is for a rest-xml service: signed for it, or for a bucket by virtual host. */
export function isRestXmlRequest(req: IncomingMessage, signingNames: ReadonlySet<string>): boolean {
  const service = credentialScope(req.headers.authorization, req.url ?? "").service;
  if (service !== undefined) return signingNames.has(service);
  return hostBucket(req) !== undefined;
}

/** The bucket of a virtual-hosted request: `<bucket>.localhost[:port]`. */
export function hostBucket(req: IncomingMessage): string | undefined {
  const host = String(req.headers.host ?? "").replace(/:\d+$/, "");
  const m = /^(.+)\.localhost$/i.exec(host);
  return m ? m[1] : undefined;
}
