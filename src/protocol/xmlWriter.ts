// XML text written straight from an output schema (its `aws` wire annotations), with no document
// tree in between: each definition is compiled once into a function that writes a value as its
// element(s). The text is byte for byte what xml2js's Builder (headless: false, pretty: false) writes
// for the object tree the query protocols used to give it (test/protocol/xmlWriter.test.ts holds the
// two side by side for every output shape): an element whose content is empty closes itself
// (`<name/>`), text escapes `& < > \r` as xmlbuilder does, and characters XML 1.0 cannot carry are
// written as U+FFFD.
import { resolveRef } from "./form.js";

type Json = Record<string, any>;

/** Writes a value as the element(s) it makes under this name (a flattened list makes one per item). */
export type ElementWriter = (value: any, name: string) => string;

// One test for the common case (nothing to escape or replace), then the replacements in xmlbuilder's
// order. The test reads UTF-16 code units (a unicode-mode expression is several times slower): any
// surrogate, paired or not, takes the slow path, which tells them apart.
const NEEDS_WORK = /[&<>\x00-\x08\x0B\x0C\x0D\x0E-\x1F\uD800-\uDFFF\uFFFE\uFFFF]/;
const NOT_XML_ALL = /[^\x09\x0A\x0D\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** A text node's content: XML 1.0's characters only, escaped as xmlbuilder escapes text. */
export function escapeText(s: string): string {
  if (!NEEDS_WORK.test(s)) return s;
  return s.replace(NOT_XML_ALL, "\uFFFD").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/\r/g, "&#xD;");
}

/** An attribute's value, escaped as xmlbuilder escapes attributes. */
export function escapeAttribute(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;").replace(/\t/g, "&#x9;").replace(/\n/g, "&#xA;").replace(/\r/g, "&#xD;");
}

/** `<name>content</name>`, or `<name/>` when there is no content. */
export const element = (name: string, content: string): string => (content === "" ? `<${name}/>` : `<${name}>${content}</${name}>`);

// Formatting a date costs more than writing the rest of its element, and answers repeat the same few
// moments (records made in one request, a Describe of the same records again and again): the latest
// texts are kept, forgotten all at once when there are too many.
const isoTimes = new Map<number, string>();
export function isoTime(value: unknown): string {
  const seconds = Number(value);
  let text = isoTimes.get(seconds);
  if (text === undefined) {
    if (isoTimes.size >= 4096) isoTimes.clear();
    text = new Date(seconds * 1000).toISOString();
    isoTimes.set(seconds, text);
  }
  return text;
}

/** Compiled writers of one schema's definitions, by definition object (refs resolved to their target). */
const compiled = new WeakMap<Json, WeakMap<Json, ElementWriter>>();

/** The writer of one definition of a schema, compiled on first use and kept with the schema. */
export function writerFor(schema: Json, def: Json): ElementWriter {
  let cache = compiled.get(schema);
  if (!cache) compiled.set(schema, (cache = new WeakMap()));
  const target = resolveRef(schema, def);
  let fn = cache.get(target);
  if (!fn) {
    // A recursive shape meets itself while compiling: the placeholder defers to the finished writer.
    let done: ElementWriter | undefined;
    cache.set(target, (v, n) => done!(v, n));
    done = compile(schema, target);
    cache.set(target, done);
    fn = done;
  }
  return fn;
}

/** The members of a structure value as its element's content, in the model's order. */
export function structureContent(schema: Json, def: Json): (value: any) => string {
  const target = resolveRef(schema, def);
  const names: Record<string, string> = target.aws?.names ?? {};
  const members = Object.keys(target.properties ?? {}).map((m) => ({ key: m, name: names[m] ?? m, write: lazy(schema, target.properties[m]) }));
  return (value) => {
    let out = "";
    for (const m of members) {
      const v = value[m.key];
      if (v !== undefined && v !== null) out += m.write(v, m.name);
    }
    return out;
  };
}

/** A member's writer, looked up when first called (definitions may refer to one another in cycles). */
function lazy(schema: Json, def: Json): ElementWriter {
  let fn: ElementWriter | undefined;
  return (v, n) => (fn ??= writerFor(schema, def))(v, n);
}

function compile(schema: Json, def: Json): ElementWriter {
  if (def.type === "array") return listWriter(schema, def);
  if (def.type === "object" && def.properties) {
    const content = structureContent(schema, def);
    return (value, name) => element(name, content(value));
  }
  if (def.type === "object") return mapWriter(schema, def);
  if (def.aws?.timestamp) return (value, name) => element(name, isoTime(value));
  return (value, name) => element(name, escapeText(String(value)));
}

function listWriter(schema: Json, def: Json): ElementWriter {
  const item = lazy(schema, def.items);
  // A flattened list is its items repeated under the member's own name.
  if (def.aws?.flat) {
    return (values: unknown[], name) => {
      let out = "";
      for (const v of values) out += item(v, name);
      return out;
    };
  }
  const itemName: string = def.aws?.item ?? "member";
  return (values: unknown[], name) => {
    let out = "";
    for (const v of values) out += item(v, itemName);
    return element(name, out);
  };
}

function mapWriter(schema: Json, def: Json): ElementWriter {
  const aws = def.aws ?? { entry: "entry", key: "key", value: "value" };
  const value = lazy(schema, def.additionalProperties);
  const entry = (k: string, v: unknown): string => element(aws.key, escapeText(k)) + value(v, aws.value);
  if (!aws.entry) {
    // A flattened map: each entry is an element named after the member.
    return (map: Json, name) => {
      let out = "";
      for (const k of Object.keys(map)) out += `<${name}>${entry(k, map[k])}</${name}>`;
      return out;
    };
  }
  return (map: Json, name) => {
    let out = "";
    for (const k of Object.keys(map)) out += `<${aws.entry}>${entry(k, map[k])}</${aws.entry}>`;
    return element(name, out);
  };
}
