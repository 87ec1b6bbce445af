// XML out for the query protocols: answers written by the operation's output schema (its `aws`
// wire annotations, compiled once per shape in xmlWriter.ts), and each protocol's error envelope.
import { resolveRef } from "./form.js";
import { element, escapeAttribute, escapeText, structureContent } from "./xmlWriter.js";

type Json = Record<string, any>;

const DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';

/** The answer's members as the content of the element that holds them; empty when the operation has no output shape. */
function body(output: unknown, schema: Json): string {
  if (!resolveRef(schema, schema).properties) return "";
  return bodyWriter(schema)(output ?? {});
}

// The schema objects are kept for the life of the process (validate.ts), so their writers are too.
const bodies = new WeakMap<Json, (value: any) => string>();
function bodyWriter(schema: Json): (value: any) => string {
  let fn = bodies.get(schema);
  if (!fn) bodies.set(schema, (fn = structureContent(schema, schema)));
  return fn;
}

/** `<OpResponse xmlns><OpResult>…</OpResult><ResponseMetadata><RequestId>` (query). */
export function queryResponse(operation: string, output: unknown, schema: Json, xmlns: string, requestId: string): string {
  const wrapper: string | undefined = schema.aws?.resultWrapper;
  const result = wrapper ? element(wrapper, body(output, schema)) : "";
  const root = `${operation}Response`;
  return `${DECLARATION}<${root} xmlns="${escapeAttribute(xmlns)}">${result}<ResponseMetadata>${element("RequestId", escapeText(requestId))}</ResponseMetadata></${root}>`;
}

/** `<OpResponse xmlns><requestId>…</requestId>…` (EC2); an answer without members says `<return>true</return>`. */
export function ec2Response(operation: string, output: unknown, schema: Json, xmlns: string, requestId: string): string {
  const members = resolveRef(schema, schema).properties;
  const done = !members || Object.keys(members).length === 0 ? "<return>true</return>" : "";
  const root = `${operation}Response`;
  return `${DECLARATION}<${root} xmlns="${escapeAttribute(xmlns)}">${element("requestId", escapeText(requestId))}${body(output, schema)}${done}</${root}>`;
}

/** `<ErrorResponse><Error><Type/><Code/><Message/></Error><RequestId/>` (query). */
export function queryError(code: string, message: string, status: number, requestId: string, xmlns?: string): string {
  const type = status >= 500 ? "Receiver" : "Sender";
  const error = element("Error", element("Type", type) + element("Code", escapeText(code)) + element("Message", escapeText(message)));
  const open = xmlns ? `<ErrorResponse xmlns="${escapeAttribute(xmlns)}">` : "<ErrorResponse>";
  return `${DECLARATION}${open}${error}${element("RequestId", escapeText(requestId))}</ErrorResponse>`;
}

/** `<Response><Errors><Error><Code/><Message/></Error></Errors><RequestID/>` (EC2). */
export function ec2Error(code: string, message: string, requestId: string): string {
  const error = element("Error", element("Code", escapeText(code)) + element("Message", escapeText(message)));
  return `${DECLARATION}<Response>${element("Errors", error)}${element("RequestID", escapeText(requestId))}</Response>`;
}
