// The query protocols' form (`Action=…&Tags.member.1.Key=…`) read by the model into typed values,
// so one JSON Schema validates it as it validates awsJson input.
type Json = Record<string, any>;

/** One dotted name's node: its own value, and the names below it (`Tags` → `member` → `1` → `Key`). */
export interface FormNode {
  value?: string;
  children?: Map<string, FormNode>;
}

export function parseForm(body: string): FormNode {
  const root: FormNode = {};
  for (const [key, value] of new URLSearchParams(body)) {
    let node = root;
    for (const part of key.split(".")) {
      node.children ??= new Map();
      let next = node.children.get(part);
      if (!next) node.children.set(part, (next = {}));
      node = next;
    }
    node.value = value;
  }
  return root;
}

/** The top-level value of a name (`Action`, `Version`). */
export function formValue(root: FormNode, name: string): string | undefined {
  return root.children?.get(name)?.value;
}

export function resolveRef(schema: Json, def: Json): Json {
  while (def && typeof def.$ref === "string") def = schema.definitions[def.$ref.slice("#/definitions/".length)];
  return def ?? {};
}

/** Children named 1, 2, 3… in numeric order: list items and map entries. */
function numbered(node: FormNode | undefined): FormNode[] {
  if (!node?.children) return [];
  return [...node.children]
    .filter(([k]) => /^[1-9]\d*$/.test(k))
    .sort((a, b) => Number(a[0]) - Number(b[0]))
    .map(([, n]) => n);
}

/** Epoch seconds from ISO 8601 or epoch seconds; NaN when neither. */
export function parseTimestamp(text: string): number {
  if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? NaN : ms / 1000;
}

/**
 * A scalar from its text. A text that is not of the model's type is kept as the text, for schema
 * validation to refuse with the protocol's message, never silently turned into something else.
 */
function scalar(text: string, def: Json): unknown {
  switch (def.type) {
    case "integer":
      return /^-?\d+$/.test(text) ? Number(text) : text;
    case "number": {
      const n = def.aws?.timestamp ? parseTimestamp(text) : text.trim() === "" ? NaN : Number(text);
      return Number.isNaN(n) ? text : n;
    }
    case "boolean":
      return text === "true" ? true : text === "false" ? false : text;
    default:
      return text;
  }
}

function decode(node: FormNode, def: Json, schema: Json): unknown {
  def = resolveRef(schema, def);
  if (def.type === "array") {
    const aws = def.aws ?? {};
    // An empty list is sent as the bare name (`Names=`), so that it is not mistaken for one left out.
    if (!aws.flat && node.value === "" && !node.children) return [];
    // A text where a list belongs (`Names=web`) is the wrong type: kept for validation to refuse.
    if (node.value && !node.children) return node.value;
    const holder = aws.flat ? node : node.children?.get(aws.item);
    return numbered(holder).map((n) => decode(n, def.items, schema));
  }
  if (def.type === "object" && def.properties) {
    const names: Record<string, string> = def.aws?.names ?? {};
    const out: Json = {};
    for (const member of Object.keys(def.properties)) {
      const child = node.children?.get(names[member] ?? member);
      if (child) out[member] = decode(child, def.properties[member], schema);
    }
    return out;
  }
  if (def.type === "object") {
    const aws = def.aws ?? { entry: "entry", key: "key", value: "value" };
    const entries: [string, unknown][] = [];
    for (const entry of numbered(aws.entry ? node.children?.get(aws.entry) : node)) {
      const key = entry.children?.get(aws.key)?.value;
      const value = entry.children?.get(aws.value);
      if (key !== undefined) entries.push([key, value ? decode(value, def.additionalProperties, schema) : undefined]);
    }
    // fromEntries makes own properties: a key named __proto__ stays a key.
    return Object.fromEntries(entries);
  }
  // A scalar sent with parts below it (`Name.1=x` where Name is a string) is the wrong type.
  if (node.value === undefined) return node.children ? {} : undefined;
  return scalar(node.value, def);
}

/** The operation's input, decoded from the form by its input schema (with the `aws` wire annotations). */
export function decodeForm(root: FormNode, schema: Json): Record<string, unknown> {
  return (decode(root, schema, schema) ?? {}) as Record<string, unknown>;
}

function encode(value: unknown, def: Json, schema: Json, prefix: string, out: [string, string][]): void {
  def = resolveRef(schema, def);
  if (value === undefined || value === null) return;
  // A value not of the model's kind (tests send them) goes as one text, for the server to refuse.
  const kind = Array.isArray(value) ? "array" : typeof value === "object" ? "object" : "scalar";
  if ((def.type === "array" && kind !== "array") || (def.type === "object" && kind !== "object") || (def.type !== "array" && def.type !== "object" && kind !== "scalar")) {
    if (kind === "scalar") return void out.push([prefix, String(value)]);
    if (kind === "array") return (value as unknown[]).forEach((v, i) => encode(v, {}, schema, `${prefix}.${i + 1}`, out));
    return Object.entries(value as Json).forEach(([k, v]) => encode(v, {}, schema, prefix ? `${prefix}.${k}` : k, out));
  }
  if (def.type === "array") {
    const items = value as unknown[];
    const aws = def.aws ?? {};
    if (!items.length) {
      if (!aws.flat) out.push([prefix, ""]);
      return;
    }
    const base = aws.flat ? prefix : `${prefix}.${aws.item}`;
    items.forEach((v, i) => encode(v, def.items, schema, `${base}.${i + 1}`, out));
    return;
  }
  const join = (name: string): string => (prefix ? `${prefix}.${name}` : name);
  if (def.type === "object" && def.properties) {
    const names: Record<string, string> = def.aws?.names ?? {};
    for (const [member, v] of Object.entries(value as Json)) {
      // Members the model does not name go as they are: tests send them to see them ignored or refused.
      encode(v, def.properties[member] ?? {}, schema, join(names[member] ?? member), out);
    }
    return;
  }
  if (def.type === "object") {
    const aws = def.aws ?? { entry: "entry", key: "key", value: "value" };
    Object.entries(value as Json).forEach(([k, v], i) => {
      const base = aws.entry ? `${prefix}.${aws.entry}.${i + 1}` : `${prefix}.${i + 1}`;
      out.push([`${base}.${aws.key}`, k]);
      encode(v, def.additionalProperties, schema, `${base}.${aws.value}`, out);
    });
    return;
  }
  if (def.aws?.timestamp && typeof value === "number") return void out.push([prefix, new Date(value * 1000).toISOString()]);
  out.push([prefix, typeof value === "object" ? JSON.stringify(value) : String(value)]);
}

/** The form an SDK sends for a typed input: the inverse of decodeForm (tests and benchmarks build requests with it). */
export function encodeForm(input: Record<string, unknown>, schema: Json): [string, string][] {
  const out: [string, string][] = [];
  encode(input, schema, schema, "", out);
  return out;
}
