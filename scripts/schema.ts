// Model shapes → JSON Schema (draft-07, as ajv reads it by default).
import { reachableShapes, type ServiceModel, type Shape } from "./model.js";

type Json = Record<string, unknown>;
export type Direction = "input" | "output";

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
      if (shape.min !== undefined) out.minItems = shape.min;
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
      if (shape.pattern !== undefined) out.pattern = shape.pattern;
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

/** The schema of an operation's input or output, with only the shapes it reaches. */
export function operationSchema(model: ServiceModel, op: string, dir: Direction): Json {
  const root = model.operations[op][dir]?.shape;
  if (!root) return { $schema: "http://json-schema.org/draft-07/schema#", title: `${op} ${dir}`, type: "object", properties: {}, additionalProperties: dir === "input" };
  const definitions: Json = {};
  for (const name of reachableShapes(model, root)) {
    const shape = model.shapes[name];
    definitions[name] = shape.document ? {} : shapeSchema(shape, dir);
  }
  return { $schema: "http://json-schema.org/draft-07/schema#", title: `${op} ${dir}`, $ref: `#/definitions/${root}`, definitions };
}
