// rest-xml requests read by the model: each input member from where its binding puts it (the path,
// the query string, a header, prefixed headers, the XML body or the whole body), typed by the schema
// so that the generated JSON Schema validates it as it validates the other protocols' input.
import type { IncomingHttpHeaders } from "node:http";
import { parseStringPromise } from "xml2js";
import { parseTimestamp, resolveRef } from "./form.js";

type Json = Record<string, any>;
type Element = string | { _?: string; $?: Json; [child: string]: unknown };

/** What the protocol read besides the routing: the query, the headers and the body. */
export interface RawRestInput {
  labels: Record<string, string>;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** The input member that is the whole body, and its kind (`blob` bytes, `string` text, `structure` XML). */
export function payloadOf(schema: Json): { member: string; kind: "blob" | "string" | "structure" } | undefined {
  const root = resolveRef(schema, schema);
  const member: string | undefined = root.aws?.payload;
  if (!member) return undefined;
  const def = resolveRef(schema, root.properties[member]);
  return { member, kind: def.aws?.blob ? "blob" : def.type === "string" ? "string" : "structure" };
}

/** Epoch seconds from an HTTP date (headers), ISO 8601 or epoch seconds; NaN when none. */
function timestamp(text: string): number {
  const t = parseTimestamp(text);
  if (!Number.isNaN(t)) return t;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? NaN : ms / 1000;
}

/** A scalar from text; text that is not of the model's type stays text, for validation to refuse. */
function scalar(text: string, def: Json): unknown {
  if (def.aws?.timestamp) {
    const t = timestamp(text);
    return Number.isNaN(t) ? text : t;
  }
  switch (def.type) {
    case "integer":
      return /^-?\d+$/.test(text.trim()) ? Number(text) : text;
    case "number":
      return text.trim() !== "" && !Number.isNaN(Number(text)) ? Number(text) : text;
    case "boolean":
      return text === "true" ? true : text === "false" ? false : text;
    default:
      return text;
  }
}

function headerText(headers: IncomingHttpHeaders, name: string): string | undefined {
  const v = headers[name.toLowerCase()];
  return Array.isArray(v) ? v.join(", ") : v;
}

/** A member carried outside the body: a label, a query parameter, a header or a map of prefixed headers. */
function located(raw: RawRestInput, location: string, wire: string, def: Json, schema: Json): unknown {
  switch (location) {
    case "uri":
      return raw.labels[wire];
    case "querystring": {
      if (def.type === "array") {
        const all = raw.query.getAll(wire);
        return all.length ? all.map((v) => scalar(v, resolveRef(schema, def.items))) : undefined;
      }
      const v = raw.query.get(wire);
      return v === null ? undefined : scalar(v, def);
    }
    case "header": {
      const v = headerText(raw.headers, wire);
      if (v === undefined) return undefined;
      if (def.type === "array") return v.split(",").map((s) => scalar(s.trim(), resolveRef(schema, def.items)));
      return scalar(v, def);
    }
    case "headers": {
      const prefix = wire.toLowerCase();
      const out: Record<string, string> = {};
      for (const [k, v] of Object.entries(raw.headers)) if (k.startsWith(prefix) && v !== undefined) out[k.slice(prefix.length)] = Array.isArray(v) ? v.join(", ") : v;
      return Object.keys(out).length ? out : undefined;
    }
    default:
      return undefined;
  }
}

function text(e: Element | undefined): string {
  if (e === undefined) return "";
  return typeof e === "string" ? e : (e._ ?? "");
}

function children(e: Element | undefined, name: string): Element[] {
  if (e === undefined || typeof e === "string") return [];
  return (e[name] as Element[] | undefined) ?? [];
}

/** An XML element read by its schema: structures by member (flattened lists repeat the member's element). */
export function fromXml(e: Element, def: Json, schema: Json): unknown {
  def = resolveRef(schema, def);
  if (def.type === "array") return children(e, def.aws?.item ?? "member").map((c) => fromXml(c, def.items, schema));
  if (def.type === "object" && def.properties) {
    const names: Record<string, string> = def.aws?.names ?? {};
    const out: Json = {};
    for (const member of Object.keys(def.properties)) {
      const sub = resolveRef(schema, def.properties[member]);
      const found = children(e, names[member] ?? member);
      if (!found.length) continue;
      out[member] = sub.type === "array" && sub.aws?.flat ? found.map((c) => fromXml(c, sub.items, schema)) : fromXml(found[0], sub, schema);
    }
    return out;
  }
  if (def.type === "object") {
    const aws = def.aws ?? { entry: "entry", key: "key", value: "value" };
    const entries = aws.entry ? children(e, aws.entry) : [];
    return Object.fromEntries(entries.map((entry) => [text(children(entry, aws.key)[0]), fromXml(children(entry, aws.value)[0] ?? "", def.additionalProperties, schema)]));
  }
  return scalar(text(e), def);
}

/** Thrown for a body that is not XML; the service answers it in its own words (S3: MalformedXML). */
export class MalformedBody extends Error {}

/** The root element of an XML body, or undefined for an empty body. */
export async function parseXmlBody(body: Buffer): Promise<Element | undefined> {
  const source = body.toString("utf8").trim();
  if (source === "") return undefined;
  let doc: Record<string, Element>;
  try {
    doc = (await parseStringPromise(source, { explicitArray: true })) as Record<string, Element>;
  } catch {
    throw new MalformedBody("not XML");
  }
  if (!doc || typeof doc !== "object") throw new MalformedBody("not XML");
  return Object.values(doc)[0];
}

/**
 * The typed input: every located member, then the payload (bytes are the caller's: it passes what
 * stands for them, `blobRef`) or the body's members read from its root element.
 */
export async function decodeRestInput(raw: RawRestInput, schema: Json, blobRef?: string): Promise<Json> {
  const root = resolveRef(schema, schema);
  const names: Record<string, string> = root.aws?.names ?? {};
  const locations: Record<string, string> = root.aws?.locations ?? {};
  const input: Json = {};
  for (const [member, ref] of Object.entries<Json>(root.properties ?? {})) {
    const location = locations[member];
    if (!location) continue;
    const v = located(raw, location, names[member] ?? member, resolveRef(schema, ref), schema);
    if (v !== undefined) input[member] = v;
  }
  const payload = payloadOf(schema);
  if (payload?.kind === "blob") {
    if (blobRef !== undefined) input[payload.member] = blobRef;
  } else if (payload?.kind === "string") {
    if (raw.body.length) input[payload.member] = raw.body.toString("utf8");
  } else if (payload) {
    const element = await parseXmlBody(raw.body);
    if (element !== undefined) input[payload.member] = fromXml(element, root.properties[payload.member], schema);
  } else if (Object.keys(root.properties ?? {}).some((m) => !locations[m])) {
    const element = await parseXmlBody(raw.body);
    if (element !== undefined) Object.assign(input, fromXml(element, { ...root, properties: Object.fromEntries(Object.entries<Json>(root.properties).filter(([m]) => !locations[m])) }, schema));
  }
  return input;
}
