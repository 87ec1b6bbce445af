// CloudFormation's property names are the API's in PascalCase (ECS's API is camelCase, ELBv2's and
// EC2's are PascalCase already): a property maps to the input member of the same name regardless of
// case, down the operation's generated input schema, and scalars take the member's type (a template's
// `Cpu: 256` is the string "256" to ECS, `Port: "80"` the integer 80 to ELBv2).
import { schemaFor } from "../../../protocol/validate.js";

type Schema = Record<string, any>;

function deref(schema: Schema, root: Schema): Schema {
  let s = schema;
  while (s && typeof s.$ref === "string") s = root.definitions[s.$ref.replace("#/definitions/", "")];
  return s ?? {};
}

function convert(value: unknown, schema: Schema, root: Schema): unknown {
  const s = deref(schema, root);
  if (s.type === "object" && value && typeof value === "object" && !Array.isArray(value)) {
    const props = (s.properties ?? {}) as Record<string, Schema>;
    if (!s.properties && s.additionalProperties) {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, convert(v, s.additionalProperties, root)]));
    }
    const byLower = new Map(Object.keys(props).map((k) => [k.toLowerCase(), k]));
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const name = byLower.get(k.toLowerCase());
      if (name !== undefined) out[name] = convert(v, props[name], root);
    }
    return out;
  }
  if (s.type === "array" && Array.isArray(value)) return value.map((v) => convert(v, s.items ?? {}, root));
  if (s.type === "array" && value !== undefined && !Array.isArray(value)) return [convert(value, s.items ?? {}, root)];
  if (s.type === "string" && (typeof value === "number" || typeof value === "boolean")) return String(value);
  if ((s.type === "integer" || s.type === "number") && typeof value === "string" && value.trim() !== "" && !Number.isNaN(Number(value))) return Number(value);
  if (s.type === "boolean" && (value === "true" || value === "false")) return value === "true";
  return value;
}

/** The input of `service`'s `operation` from CloudFormation properties; members the operation lacks are left out. */
export function toInput(service: string, operation: string, props: Record<string, unknown>): Record<string, any> {
  const root = schemaFor(service, operation, "input");
  return convert(props, root, root) as Record<string, any>;
}
