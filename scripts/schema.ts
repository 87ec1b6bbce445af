// Model shapes → JSON Schema (draft-07, as ajv reads it by default).
import { reachableShapes, type ServiceModel, type Shape, type ShapeRef } from "./model.js";

type Json = Record<string, unknown>;
export type Direction = "input" | "output";
export type Protocol = "json" | "query" | "ec2" | "rest-xml";

const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** The name a structure member goes by on the wire: in the form (input) or as an XML element (output). */
function memberWireName(name: string, ref: ShapeRef, dir: Direction, protocol: Protocol): string {
  if (dir === "output") return ref.locationName ?? name;
  // EC2 reads queryName, else the locationName capitalized, else the member name.
  if (protocol === "ec2") return ref.queryName ?? (ref.locationName ? cap(ref.locationName) : name);
  return ref.locationName ?? name;
}

/**
 * What the query protocols need beyond the JSON Schema, as an `aws` keyword ajv ignores: wire names
 * that differ from member names, list item and map entry names, and which numbers are timestamps.
 */
function wireAnnotation(shape: Shape, dir: Direction, protocol: Protocol): Json | undefined {
  if (protocol === "json") return undefined;
  if (protocol === "rest-xml") return restXmlAnnotation(shape);
  switch (shape.type) {
    case "structure": {
      const names: Record<string, string> = {};
      for (const [name, ref] of Object.entries(shape.members ?? {})) {
        const wire = memberWireName(name, ref, dir, protocol);
        if (wire !== name) names[name] = wire;
      }
      return Object.keys(names).length ? { names } : undefined;
    }
    case "list": {
      // EC2 forms number the items right after the name (Name.1); query forms use Name.member.1;
      // in XML, each item is an element of its own (<member>, <item>) inside the list's element.
      if (shape.flattened) return { flat: true };
      if (dir === "input" && protocol === "ec2") return { flat: true };
      return { item: shape.member!.locationName ?? "member" };
    }
    case "map":
      return { entry: shape.flattened ? null : "entry", key: shape.key!.locationName ?? "key", value: shape.value!.locationName ?? "value" };
    case "timestamp":
      return { timestamp: true };
    case "blob":
      return { blob: true };
    default:
      return undefined;
  }
}

/**
 * rest-xml: a structure's members travel in the URI, the query string, headers (`headers`: a map of
 * prefixed headers) or the body, whose members are XML elements, or which is one member itself
 * (`payload`); lists are flattened or wrap items; header timestamps are HTTP dates unless the shape says.
 */
function restXmlAnnotation(shape: Shape): Json | undefined {
  switch (shape.type) {
    case "structure": {
      const names: Record<string, string> = {};
      const locations: Record<string, string> = {};
      for (const [name, ref] of Object.entries(shape.members ?? {})) {
        if (ref.locationName && ref.locationName !== name) names[name] = ref.locationName;
        if (ref.location) locations[name] = ref.location;
      }
      const out: Json = {};
      if (Object.keys(names).length) out.names = names;
      if (Object.keys(locations).length) out.locations = locations;
      if (shape.payload) out.payload = shape.payload;
      return Object.keys(out).length ? out : undefined;
    }
    case "list":
      return shape.flattened ? { flat: true } : { item: shape.member!.locationName ?? "member" };
    case "map":
      return { entry: shape.flattened ? null : "entry", key: shape.key!.locationName ?? "key", value: shape.value!.locationName ?? "value" };
    case "timestamp":
      return shape.timestampFormat ? { timestamp: true, format: shape.timestampFormat } : { timestamp: true };
    case "blob":
      return { blob: true };
    default:
      return undefined;
  }
}

/**
 * One shape as a schema. Inputs tolerate members the model does not name (AWS ignores them,
 * and newer SDKs send them); outputs are closed, so a member we invent fails our own tests.
 */
function shapeSchema(shape: Shape, dir: Direction): Json {
  const ref = (name: string): Json => ({ $ref: `#/definitions/${name}` });
  switch (shape.type) {
    case "structure": {
      const props: Json = {};
      for (const [name, m] of Object.entries(shape.members ?? {})) props[name] = ref(m.shape);
      const out: Json = { type: "object", properties: props };
      if (shape.required?.length) out.required = [...shape.required];
      if (dir === "output") out.additionalProperties = false;
      return out;
    }
    case "list": {
      const out: Json = { type: "array", items: ref(shape.member!.shape) };
      // A list's minimum binds requests only: AWS answers empty lists the model says hold one item
      // at least (SSM's `Labels: []` and `InvalidLabels: []` in the AWS CLI's examples).
      if (shape.min !== undefined && (dir === "input" || shape.min === 0)) out.minItems = shape.min;
      if (shape.max !== undefined) out.maxItems = shape.max;
      return out;
    }
    case "map": {
      const out: Json = { type: "object", additionalProperties: ref(shape.value!.shape), propertyNames: ref(shape.key!.shape) };
      if (shape.min !== undefined) out.minProperties = shape.min;
      if (shape.max !== undefined) out.maxProperties = shape.max;
      return out;
    }
    case "string": {
      const out: Json = { type: "string" };
      if (shape.enum) out.enum = [...shape.enum];
      if (shape.min !== undefined) out.minLength = shape.min;
      if (shape.max !== undefined) out.maxLength = shape.max;
      if (shape.pattern !== undefined) out.pattern = unicodePattern(shape.pattern);
      return out;
    }
    case "integer":
    case "long":
    case "double":
    case "float": {
      const out: Json = { type: shape.type === "integer" || shape.type === "long" ? "integer" : "number" };
      if (shape.min !== undefined) out.minimum = shape.min;
      if (shape.max !== undefined) out.maximum = shape.max;
      return out;
    }
    case "boolean":
      return { type: "boolean" };
    // awsJson sends timestamps as epoch seconds, fractions allowed.
    case "timestamp":
      return { type: "number" };
    case "blob":
      return { type: "string" };
    default:
      throw new Error(`shape type ${shape.type} has no schema mapping`);
  }
}

/**
 * The models' patterns are written for Java's regular expressions; ajv compiles them with the `u`
 * flag, which refuses two forms they use: a hyphen after a class escape (`[\w-_]`, a literal hyphen
 * in Java) and identity escapes of plain characters (`\:`). Those are rewritten to mean the same.
 */
export function unicodePattern(pattern: string): string {
  // Java's POSIX class \p{Print} is printable ASCII; JavaScript has no such property.
  pattern = pattern.replaceAll("\\p{Print}", "[\\x20-\\x7E]");
  if (compilesWithU(pattern)) return pattern;
  let out = "";
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === "\\") {
      const next = pattern[++i] ?? "";
      out += /[A-Za-z0-9]/.test(next) || "^$\\.*+?()[]{}|/-".includes(next) ? "\\" + next : next;
    } else if (c === "[" && !inClass) {
      inClass = true;
      out += c;
    } else if (c === "]" && inClass) {
      inClass = false;
      out += c;
    } else if (c === "-" && inClass && /\\[wWdDsS]$/.test(out)) {
      out += "\\-";
    } else out += c;
  }
  if (!compilesWithU(out)) throw new Error(`pattern ${JSON.stringify(pattern)} has no unicode-mode form`);
  return out;
}

function compilesWithU(pattern: string): boolean {
  try {
    new RegExp(pattern, "u");
    return true;
  } catch {
    return false;
  }
}

/** The schema of an operation's input or output, with only the shapes it reaches. */
export function operationSchema(model: ServiceModel, op: string, dir: Direction, protocol: Protocol = "json", outputRoot?: string): Json {
  const ref = model.operations[op][dir];
  const root = ref?.shape;
  // The query protocol wraps an answer's members in <OpResult>; EC2 does not.
  const top: Json = dir === "output" && protocol === "query" && ref?.resultWrapper ? { aws: { resultWrapper: ref.resultWrapper } } : {};
  if (protocol === "rest-xml" && dir === "output") top.aws = restXmlOutput(model, op, outputRoot);
  if (!root) return { $schema: "http://json-schema.org/draft-07/schema#", title: `${op} ${dir}`, ...top, type: "object", properties: {}, additionalProperties: dir === "input" };
  const definitions: Json = {};
  for (const name of reachableShapes(model, root)) {
    const shape = model.shapes[name];
    const aws = wireAnnotation(shape, dir, protocol);
    definitions[name] = shape.document ? {} : aws ? { ...shapeSchema(shape, dir), aws } : shapeSchema(shape, dir);
  }
  return { $schema: "http://json-schema.org/draft-07/schema#", title: `${op} ${dir}`, ...top, $ref: `#/definitions/${root}`, definitions };
}

/** rest-xml: an answer's status, and the root element of a body made of the output's members. */
function restXmlOutput(model: ServiceModel, op: string, root: string | undefined): Json {
  const out: Json = { status: model.operations[op].http?.responseCode ?? 200 };
  if (root) out.root = root;
  return out;
}
