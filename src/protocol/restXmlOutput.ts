// rest-xml answers written by the operation's output schema: members bound to headers become
// headers (HTTP dates for timestamps), the payload member is the whole body (bytes, text, or one XML
// element), and the other members are the children of the root element the API reference names.
import { Builder } from "xml2js";
import { resolveRef } from "./form.js";
import { isoTime } from "./xmlWriter.js";

type Json = Record<string, any>;

export interface RestAnswer {
  status: number;
  headers: Record<string, string>;
  /** Bytes (a blob payload), text, or nothing. */
  body?: Buffer | string;
  contentType?: string;
}

const builder = new Builder({ xmldec: { version: "1.0", encoding: "UTF-8" }, renderOpts: { pretty: false }, headless: false, allowSurrogateChars: true });
const NOT_XML = /[^\x09\x0A\x0D\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const xmlText = (s: string): string => s.replace(NOT_XML, "\uFFFD");

/** `Sun, 06 Dec 2026 05:31:25 GMT`: headers carry HTTP dates. */
export const httpDate = (seconds: number): string => new Date(seconds * 1000).toUTCString();

function toXml(value: unknown, def: Json, schema: Json): unknown {
  def = resolveRef(schema, def);
  if (def.type === "array") {
    const items = (value as unknown[]).map((v) => toXml(v, def.items, schema));
    if (def.aws?.flat) return items;
    return items.length ? { [def.aws?.item ?? "member"]: items } : "";
  }
  if (def.type === "object" && def.properties) {
    const names: Record<string, string> = def.aws?.names ?? {};
    const out: Json = {};
    for (const member of Object.keys(def.properties)) {
      const v = (value as Json)[member];
      if (v === undefined || v === null) continue;
      out[names[member] ?? member] = toXml(v, def.properties[member], schema);
    }
    return out;
  }
  if (def.type === "object") {
    const aws = def.aws ?? { entry: "entry", key: "key", value: "value" };
    const entries = Object.entries(value as Json).map(([k, v]) => ({ [aws.key]: k, [aws.value]: toXml(v, def.additionalProperties, schema) }));
    return aws.entry ? { [aws.entry]: entries } : entries;
  }
  if (def.aws?.timestamp) return isoTime(value);
  return xmlText(String(value));
}

function headerValue(value: unknown, def: Json, schema: Json): string {
  if (def.aws?.timestamp) return def.aws.format === "iso8601" ? isoTime(value) : httpDate(Number(value));
  if (def.type === "array") return (value as unknown[]).map((v) => headerValue(v, resolveRef(schema, def.items), schema)).join(", ");
  return String(value);
}

/** One element with the namespace: `<Root xmlns="…">…</Root>`. */
function document(root: string, content: unknown, xmlns: string): string {
  const element = typeof content === "object" && content !== null && !Array.isArray(content) ? { $: { xmlns }, ...(content as Json) } : content === "" ? { $: { xmlns } } : { $: { xmlns }, _: content };
  return builder.buildObject({ [root]: element });
}

/**
 * The answer to a successful request. `blob(ref)` gives the bytes a blob payload stands for; a
 * HEAD request's answer carries its headers and no body.
 */
export function restAnswer(output: Json, schema: Json, xmlns: string, blob: (ref: string) => Buffer): RestAnswer {
  const root = resolveRef(schema, schema);
  const status: number = schema.aws?.status ?? 200;
  const headers: Record<string, string> = {};
  const props: Json = root.properties ?? {};
  const names: Record<string, string> = root.aws?.names ?? {};
  const locations: Record<string, string> = root.aws?.locations ?? {};
  const bodyMembers: string[] = [];
  for (const member of Object.keys(props)) {
    const v = output[member];
    const location = locations[member];
    if (!location) {
      bodyMembers.push(member);
      continue;
    }
    if (v === undefined || v === null) continue;
    const wire = names[member] ?? member;
    if (location === "header") headers[wire] = headerValue(v, resolveRef(schema, props[member]), schema);
    else if (location === "headers") for (const [k, text] of Object.entries(v as Record<string, string>)) headers[`${wire}${k}`] = text;
  }
  const payload: string | undefined = root.aws?.payload;
  if (payload) {
    const v = output[payload];
    if (v === undefined || v === null) return { status, headers };
    const def = resolveRef(schema, props[payload]);
    if (def.aws?.blob) return { status, headers, body: blob(String(v)) };
    if (def.type === "string") return { status, headers, body: String(v) };
    return { status, headers, body: document(names[payload] ?? payload, toXml(v, def, schema), xmlns), contentType: "application/xml" };
  }
  const rootName: string | undefined = schema.aws?.root;
  if (!rootName) return { status, headers };
  // An answer that is one value (GetBucketLocation's LocationConstraint) is the root element's text.
  if (bodyMembers.length === 1 && (names[bodyMembers[0]] ?? bodyMembers[0]) === rootName) {
    const v = output[bodyMembers[0]];
    return { status, headers, body: document(rootName, v === undefined || v === null ? "" : toXml(v, props[bodyMembers[0]], schema), xmlns), contentType: "application/xml" };
  }
  const content = toXml(Object.fromEntries(bodyMembers.map((m) => [m, output[m]])), { ...root, properties: Object.fromEntries(bodyMembers.map((m) => [m, props[m]])) }, schema);
  return { status, headers, body: document(rootName, content, xmlns), contentType: "application/xml" };
}

/** S3's error document: `<Error><Code/><Message/>…<RequestId/><HostId/></Error>`. */
export function restError(code: string, message: string, fields: Record<string, string>, requestId: string, hostId: string): string {
  return builder.buildObject({ Error: { Code: code, Message: xmlText(message), ...fields, RequestId: requestId, HostId: hostId } });
}
