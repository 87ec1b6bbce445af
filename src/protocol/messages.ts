// Validation failures as data → AWS's wording, in one place.
import type { ErrorObject } from "ajv";
import { AwsError, protocolErrors } from "./errors.js";

/**
 * "/containerDefinitions/0/name" → "containerDefinitions.1.member.name", the way AWS names members:
 * with a lowercase first letter, as the services' Java members are ("Value at 'names'", "at 'maxResults'").
 */
export function memberPath(instancePath: string, child?: string): string {
  const parts = instancePath.split("/").slice(1).map((p) => p.replace(/~1/g, "/").replace(/~0/g, "~"));
  if (child !== undefined) parts.push(child);
  return parts.map((p) => (/^\d+$/.test(p) ? `${Number(p) + 1}.member` : p.charAt(0).toLowerCase() + p.slice(1))).join(".");
}

function jsonKind(value: unknown): string {
  if (Array.isArray(value)) return "list";
  if (value === null) return "null";
  if (typeof value === "object") return "structure";
  if (typeof value === "string") return "STRING_VALUE";
  if (typeof value === "number") return "NUMBER_VALUE";
  return "BOOLEAN_VALUE";
}

const TARGET_NAMES: Record<string, string> = { string: "a String", integer: "an Integer", number: "a Double", boolean: "a Boolean" };

function typeMessage(e: ErrorObject, value: unknown): string {
  const kind = jsonKind(value);
  const expected = String(e.params.type);
  if (kind === "list") return "Start of list found where not expected";
  if (kind === "structure") return "Start of structure or map found where not expected.";
  if (expected === "array") return `Expected list or null at '${memberPath(e.instancePath)}'`;
  if (expected === "object") return `Expected structure or map or null at '${memberPath(e.instancePath)}'`;
  if (kind === "null") return `null can not be converted to ${TARGET_NAMES[expected] ?? expected}`;
  return `${kind} can not be converted to ${TARGET_NAMES[expected] ?? expected}`;
}

function quoted(value: unknown): string {
  if (value === undefined) return "null";
  if (typeof value === "string") return `'${value}'`;
  // A list of strings as Java prints it: '[a, b]' (SSM's "Value '[…]' at 'names'").
  if (Array.isArray(value) && value.every((v) => typeof v === "string")) return `'[${value.join(", ")}]'`;
  return `'${JSON.stringify(value)}'`;
}

/** AWS's words for one broken constraint, as every protocol's validation text says it. */
export function constraint(e: ErrorObject): string {
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case "required":
      return "Member must not be null";
    // Only the query protocols get here with a type: awsJson answers a wrong JSON type as a SerializationException first.
    case "type":
      return `Member must be ${p.type === "integer" ? "an integer" : p.type === "number" ? "a number" : p.type === "boolean" ? "a boolean" : `of type ${p.type}`}`;
    case "enum":
      return `Member must satisfy enum value set: [${(p.allowedValues as string[]).join(", ")}]`;
    case "minLength":
    case "minItems":
    case "minProperties":
      return `Member must have length greater than or equal to ${p.limit}`;
    case "maxLength":
    case "maxItems":
    case "maxProperties":
      return `Member must have length less than or equal to ${p.limit}`;
    case "minimum":
      return `Member must have value greater than or equal to ${p.limit}`;
    case "maximum":
      return `Member must have value less than or equal to ${p.limit}`;
    case "pattern":
      return `Member must satisfy regular expression pattern: ${p.pattern}`;
    default:
      return e.message ?? e.keyword;
  }
}

/** A value outside its enum, as data, for a service that words these failures itself (ECS does). */
export interface EnumViolation {
  operation: string;
  /** The nearest named member: `launchType`, or `include` for an item of that list. */
  member: string;
  /** AWS's path to the value: `include.2.member`. */
  path: string;
  value: unknown;
  /** The enum, in the model's order. */
  allowed: string[];
}

/** The service's own error for an enum violation, or undefined to leave it to ValidationException. */
export type EnumErrorWording = (v: EnumViolation) => AwsError | undefined;

/** A broken constraint, as data, for a service that words every such failure itself (ECR does). */
export interface ConstraintViolation {
  keyword: string;
  /** AWS's path to the member: `repositoryName`, `tags.1.member.key`. */
  path: string;
  value: unknown;
  params: Record<string, unknown>;
}

/** The service's own error for a broken constraint, or undefined to leave it to ValidationException. */
export type ConstraintErrorWording = (v: ConstraintViolation) => AwsError | undefined;

function nearestMember(instancePath: string): string {
  const parts = instancePath.split("/").slice(1).filter((p) => !/^\d+$/.test(p));
  return (parts.pop() ?? "").replace(/~1/g, "/").replace(/~0/g, "~");
}

/** Looks up the value an error points at, so messages can quote it. */
function valueAt(body: unknown, instancePath: string): unknown {
  let v: unknown = body;
  for (const part of instancePath.split("/").slice(1)) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<string, unknown>)[part.replace(/~1/g, "/").replace(/~0/g, "~")];
  }
  return v;
}

/**
 * A wrong JSON type is a deserialization failure (SerializationException), as in AWS's JSON
 * services; constraint failures are reported together, as a ValidationException. A service that
 * checks enums itself (`enumError`) answers those in its own words, after the other constraints:
 * its front end knows only the rest, so they fail first.
 */
export function validationError(errors: ErrorObject[], body: unknown, operation = "", enumError?: EnumErrorWording, constraintError?: ConstraintErrorWording): AwsError {
  const typeError = errors.find((e) => e.keyword === "type");
  if (typeError) return protocolErrors.serialization(typeMessage(typeError, valueAt(body, typeError.instancePath)));
  const seen = new Set<string>();
  const lines: string[] = [];
  let own: AwsError | undefined;
  for (const e of errors) {
    if (e.keyword === "$ref" || e.keyword === "propertyNames") continue;
    if (e.keyword === "enum" && enumError) {
      const allowed = (e.params as { allowedValues: unknown[] }).allowedValues.map(String);
      const err = enumError({ operation, member: nearestMember(e.instancePath), path: memberPath(e.instancePath), value: valueAt(body, e.instancePath), allowed });
      if (err) {
        own ??= err;
        continue;
      }
    }
    const path = e.keyword === "required" ? memberPath(e.instancePath, String(e.params.missingProperty)) : memberPath(e.instancePath);
    const value = e.keyword === "required" ? undefined : valueAt(body, e.instancePath);
    const worded = constraintError?.({ keyword: e.keyword, path, value, params: e.params as Record<string, unknown> });
    if (worded) return worded;
    const line = `Value ${quoted(value)} at '${path}' failed to satisfy constraint: ${constraint(e)}`;
    if (!seen.has(line)) {
      seen.add(line);
      lines.push(line);
    }
  }
  if (lines.length === 0 && own) return own;
  const n = lines.length;
  return protocolErrors.validation(`${n} validation error${n === 1 ? "" : "s"} detected: ${lines.join("; ")}`);
}
