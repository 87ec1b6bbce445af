// XML out for the query protocols: answers written by the operation's output schema (its `aws`
// wire annotations), and each protocol's error envelope. xml2js builds the text.
import { createRequire } from "node:module";
import type { Builder } from "xml2js";
import { resolveRef } from "./form.js";

type Json = Record<string, any>;

// xml2js is required on the first XML answer, not at start-up: an ECS-only run never loads it.
// The builder holds only its options (it keeps no state between documents), so one per process is safe.
let built: Builder | undefined;
const builder = {
  buildObject(root: Json): string {
    built ??= new (createRequire(import.meta.url)("xml2js") as typeof import("xml2js")).Builder({ xmldec: { version: "1.0", encoding: "UTF-8" }, renderOpts: { pretty: false }, headless: false, allowSurrogateChars: true });
    return built.buildObject(root);
  },
};

// Characters XML 1.0 cannot carry at all (most control characters): written as U+FFFD rather than
// failing the whole answer.
const NOT_XML = /[^\x09\x0A\x0D\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;
const NOT_XML_ALL = new RegExp(NOT_XML.source, "gu");
const xmlText = (s: string): string => (NOT_XML.test(s) ? s.replace(NOT_XML_ALL, "\uFFFD") : s);

/** A value as xml2js builds it: objects are elements, arrays repeat their element, strings are text. */
function toXml(value: unknown, def: Json, schema: Json): unknown {
  def = resolveRef(schema, def);
  if (def.type === "array") {
    const items = (value as unknown[]).map((v) => toXml(v, def.items, schema));
    // A flattened list is its items repeated under the member's own name: xml2js repeats an array.
    if (def.aws?.flat) return items;
    return items.length ? { [def.aws?.item ?? "member"]: items } : "";
  }
  if (def.type === "object" && def.properties) {
    const names: Record<string, string> = def.aws?.names ?? {};
    const out: Json = {};
    const members = value as Json;
    // Elements in the model's member order, as AWS writes them.
    for (const member of Object.keys(def.properties)) {
      const v = members[member];
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
  if (def.aws?.timestamp) return new Date(Number(value) * 1000).toISOString();
  return xmlText(String(value));
}

/** The answer's members as elements; none when the operation has no output shape. */
function structureBody(output: unknown, schema: Json): Json {
  if (!resolveRef(schema, schema).properties) return {};
  return toXml(output ?? {}, schema, schema) as Json;
}

/** `<OpResponse xmlns><OpResult>…</OpResult><ResponseMetadata><RequestId>` (query). */
export function queryResponse(operation: string, output: unknown, schema: Json, xmlns: string, requestId: string): string {
  const body = structureBody(output, schema);
  const wrapper: string | undefined = schema.aws?.resultWrapper;
  const inner: Json = { $: { xmlns } };
  if (wrapper) inner[wrapper] = Object.keys(body).length ? body : "";
  inner.ResponseMetadata = { RequestId: requestId };
  return builder.buildObject({ [`${operation}Response`]: inner });
}

/** `<OpResponse xmlns><requestId>…</requestId>…` (EC2); an answer without members says `<return>true</return>`. */
export function ec2Response(operation: string, output: unknown, schema: Json, xmlns: string, requestId: string): string {
  const body = structureBody(output, schema);
  const members = resolveRef(schema, schema).properties;
  const inner: Json = { $: { xmlns }, requestId, ...body };
  if (!members || Object.keys(members).length === 0) inner.return = "true";
  return builder.buildObject({ [`${operation}Response`]: inner });
}

/** `<ErrorResponse><Error><Type/><Code/><Message/></Error><RequestId/>` (query). */
export function queryError(code: string, message: string, status: number, requestId: string, xmlns?: string): string {
  const type = status >= 500 ? "Receiver" : "Sender";
  const root: Json = { Error: { Type: type, Code: code, Message: xmlText(message) }, RequestId: requestId };
  if (xmlns) root.$ = { xmlns };
  return builder.buildObject({ ErrorResponse: root });
}

/** `<Response><Errors><Error><Code/><Message/></Error></Errors><RequestID/>` (EC2). */
export function ec2Error(code: string, message: string, requestId: string): string {
  return builder.buildObject({ Response: { Errors: { Error: { Code: code, Message: xmlText(message) } }, RequestID: requestId } });
}
