// The AWS::LanguageExtensions transform: Fn::ForEach loops in Resources, Conditions and Outputs are
// expanded before anything else reads the template (Fn::Length and Fn::ToJsonString need nothing
// more: intrinsics.ts evaluates them). Any other transform stays for checkTemplate to refuse.
import { formatError } from "./errors.js";

const NAME = "AWS::LanguageExtensions";
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** The template with the transform applied when it is the only one declared; as it was otherwise. */
export function applyLanguageExtensions(raw: Record<string, unknown>, parameter: (name: string) => string | undefined): Record<string, unknown> {
  const declared = Array.isArray(raw.Transform) ? raw.Transform : raw.Transform === undefined ? [] : [raw.Transform];
  if (declared.length === 0 || declared.some((t) => t !== NAME)) return raw;
  const { Transform, ...rest } = raw;
  void Transform;
  for (const section of ["Resources", "Conditions", "Outputs"]) {
    if (isObject(rest[section])) rest[section] = expandSection(rest[section] as Record<string, unknown>, parameter);
  }
  return rest;
}

function expandSection(section: Record<string, unknown>, parameter: (name: string) => string | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(section)) {
    if (!key.startsWith("Fn::ForEach::")) {
      out[key] = value;
      continue;
    }
    if (!Array.isArray(value) || value.length !== 3 || typeof value[0] !== "string" || !isObject(value[2])) {
      throw formatError(`Fn::ForEach could not be resolved: ${key} must be [identifier, collection, fragment]`);
    }
    const [id, collection, fragment] = value as [string, unknown, Record<string, unknown>];
    for (const item of items(collection, parameter, key)) {
      const expanded = expandSection(substitute(fragment, id, item) as Record<string, unknown>, parameter);
      for (const [k, v] of Object.entries(expanded)) {
        if (Object.hasOwn(out, k)) throw formatError(`Fn::ForEach could not be resolved: ${k} is declared more than once`);
        out[k] = v;
      }
    }
  }
  return out;
}

function items(collection: unknown, parameter: (name: string) => string | undefined, key: string): string[] {
  if (Array.isArray(collection)) return collection.map(String);
  if (isObject(collection) && typeof collection.Ref === "string") {
    const v = parameter(collection.Ref);
    if (v !== undefined) return v === "" ? [] : v.split(",");
  }
  throw formatError(`Fn::ForEach could not be resolved: the collection of ${key} must be a list or a Ref to a list parameter`);
}

/** `${id}` and `&{id}` (alphanumerics only) in keys and strings, and `Ref: id`, become the item. */
function substitute(v: unknown, id: string, item: string): unknown {
  const text = (s: string) => s.split("${" + id + "}").join(item).split("&{" + id + "}").join(item.replace(/[^A-Za-z0-9]/g, ""));
  if (typeof v === "string") return text(v);
  if (Array.isArray(v)) return v.map((x) => substitute(x, id, item));
  if (!isObject(v)) return v;
  if (Object.keys(v).length === 1 && v.Ref === id) return item;
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [text(k), substitute(x, id, item)]));
}
