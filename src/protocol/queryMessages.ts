// Validation failures of a decoded form → the query protocols' errors and AWS's wording, in one place.
import type { ErrorObject } from "ajv";
import { AwsError, commonErrors } from "./errors.js";
import { resolveRef } from "./form.js";
import { constraint } from "./messages.js";

type Json = Record<string, any>;

const lowerFirst = (s: string): string => s.charAt(0).toLowerCase() + s.slice(1);

/** The value an error points at. */
function valueAt(body: unknown, instancePath: string): unknown {
  let v: unknown = body;
  for (const part of instancePath.split("/").slice(1)) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Json)[part];
  }
  return v;
}

/** "/Tags/0/Value" → "tags.1.member.value": AWS's query services name members this way. */
function queryPath(instancePath: string, child?: string): string {
  const parts = instancePath.split("/").slice(1);
  if (child !== undefined) parts.push(child);
  return parts.map((p) => (/^\d+$/.test(p) ? `${Number(p) + 1}.member` : lowerFirst(p))).join(".");
}

/** "/Filters/0/Values" → "Filter.1.Value": the parameter's name as the EC2 form spells it. */
function ec2Path(schema: Json, instancePath: string, child?: string): string {
  const parts = instancePath.split("/").slice(1);
  if (child !== undefined) parts.push(child);
  const out: string[] = [];
  let def = resolveRef(schema, schema);
  for (const p of parts) {
    if (def.type === "array") {
      out.push(String(Number(p) + 1));
      def = resolveRef(schema, def.items);
    } else if (def.properties) {
      out.push(def.aws?.names?.[p] ?? p);
      def = resolveRef(schema, def.properties[p] ?? {});
    } else out.push(p);
  }
  return out.join(".");
}

function quoted(value: unknown): string {
  if (value === undefined) return "null";
  return typeof value === "string" ? `'${value}'` : `'${JSON.stringify(value)}'`;
}


const counted = (errors: ErrorObject[]): ErrorObject[] => errors.filter((e) => e.keyword !== "$ref" && e.keyword !== "propertyNames");

/** Query services (STS, ELBv2): every broken constraint, listed in one ValidationError. */
export function queryValidationError(errors: ErrorObject[], body: unknown): AwsError {
  const lines = new Set<string>();
  for (const e of counted(errors)) {
    const missing = e.keyword === "required";
    const path = missing ? queryPath(e.instancePath, String(e.params.missingProperty)) : queryPath(e.instancePath);
    lines.add(`Value ${quoted(missing ? undefined : valueAt(body, e.instancePath))} at '${path}' failed to satisfy constraint: ${constraint(e)}`);
  }
  const n = lines.size;
  return commonErrors.validation(`${n} validation error${n === 1 ? "" : "s"} detected: ${[...lines].join("; ")}`);
}

/** EC2: a required parameter left out is MissingParameter; any other broken constraint, InvalidParameterValue. */
export function ec2ValidationError(errors: ErrorObject[], body: unknown, schema: Json): AwsError {
  const list = counted(errors);
  const missing = list.find((e) => e.keyword === "required");
  if (missing) return new AwsError("MissingParameter", `The request must contain the parameter ${ec2Path(schema, missing.instancePath, String(missing.params.missingProperty))}`, 400);
  const e = list[0];
  const value = valueAt(body, e.instancePath);
  return new AwsError("InvalidParameterValue", `Value (${typeof value === "string" ? value : JSON.stringify(value)}) for parameter ${ec2Path(schema, e.instancePath)} is invalid. ${constraint(e)}`, 400);
}
