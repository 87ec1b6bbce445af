// XML in, read by the model: an answer parsed back into the object the operation returned, so the
// tests can check it against the output schema (and a client's view of it is what the model says).
import { parseStringPromise } from "xml2js";
import { parseTimestamp, resolveRef } from "./form.js";

type Json = Record<string, any>;
/** xml2js with explicitArray: every element is a list of occurrences; text is `_` when attributes exist. */
type Element = string | { _?: string; $?: Json; [child: string]: unknown };

function text(e: Element | undefined): string {
  if (e === undefined) return "";
  return typeof e === "string" ? e : (e._ ?? "");
}

function children(e: Element | undefined, name: string): Element[] {
  if (e === undefined || typeof e === "string") return [];
  return (e[name] as Element[] | undefined) ?? [];
}

function fromXml(e: Element, def: Json, schema: Json): unknown {
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
  const t = text(e);
  if (def.aws?.timestamp) return parseTimestamp(t);
  if (def.type === "integer" || def.type === "number") return Number(t);
  if (def.type === "boolean") return t === "true" ? true : t === "false" ? false : t;
  return t;
}

export interface ParsedAnswer {
  /** The root element's name (`GetCallerIdentityResponse`, `ErrorResponse`, `Response`). */
  root: string;
  xmlns?: string;
  requestId?: string;
  /** The answer's members, read by the output schema. */
  output: unknown;
}

/** Reads a successful answer by its output schema, in the query or the EC2 layout. */
export async function readAnswer(xml: string, schema: Json, protocol: "query" | "ec2"): Promise<ParsedAnswer> {
  const doc = (await parseStringPromise(xml, { explicitArray: true })) as Record<string, Element>;
  const root = Object.keys(doc)[0];
  const top = doc[root];
  const xmlns = typeof top === "string" ? undefined : (top.$?.xmlns as string | undefined);
  if (protocol === "ec2") return { root, xmlns, requestId: text(children(top, "requestId")[0]), output: fromXml(top, schema, schema) };
  const wrapper: string | undefined = schema.aws?.resultWrapper;
  const result = wrapper ? children(top, wrapper)[0] : undefined;
  const meta = children(top, "ResponseMetadata")[0];
  return { root, xmlns, requestId: text(children(meta, "RequestId")[0]), output: result === undefined ? {} : fromXml(result, schema, schema) };
}

export interface ParsedError {
  root: string;
  type?: string;
  code: string;
  message: string;
  requestId: string;
}

/** Reads an error in either envelope: query `ErrorResponse` or EC2 `Response/Errors`. */
export async function readError(xml: string): Promise<ParsedError> {
  const doc = (await parseStringPromise(xml, { explicitArray: true })) as Record<string, Element>;
  const root = Object.keys(doc)[0];
  const top = doc[root];
  const err = root === "Response" ? children(children(top, "Errors")[0], "Error")[0] : children(top, "Error")[0];
  return {
    root,
    type: children(err, "Type").length ? text(children(err, "Type")[0]) : undefined,
    code: text(children(err, "Code")[0]),
    message: text(children(err, "Message")[0]),
    requestId: text(children(top, root === "Response" ? "RequestID" : "RequestId")[0]),
  };
}
