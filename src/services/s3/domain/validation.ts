// Input that breaks the model, in S3's words: a body that does not match the schema is MalformedXML;
// a header or query parameter out of its type or values is InvalidArgument naming it (chosen: S3
// has no generic validation error; these are the codes it answers for such input).
import type { ErrorObject } from "ajv";
import { resolveRef } from "../../../protocol/form.js";
import type { AwsError } from "../../../protocol/errors.js";
import { s3Errors } from "./errors.js";

export function validationError(errors: ErrorObject[], input: unknown, schema: Record<string, any>): AwsError {
  const first = errors[0];
  const root = resolveRef(schema, schema);
  const member = first?.instancePath.split("/")[1] ?? (first?.keyword === "required" ? String(first.params.missingProperty) : undefined);
  const location: string | undefined = member ? root.aws?.locations?.[member] : undefined;
  // A region S3 does not know is a constraint it refuses by name, not a schema failure.
  if (first?.keyword === "enum" && first.instancePath.endsWith("/LocationConstraint")) return s3Errors.invalidLocationConstraint(String(valueAt(input, first.instancePath)));
  if (!member || !location) return s3Errors.malformedXml();
  const wire: string = root.aws?.names?.[member] ?? member;
  const value = (input as Record<string, unknown>)[member];
  if (value === undefined) return s3Errors.invalidArgument(`${wire} is required`, wire, "");
  return s3Errors.invalidArgument(`Invalid value for ${wire}`, wire, String(value));
}

function valueAt(input: unknown, path: string): unknown {
  let v = input;
  for (const part of path.split("/").slice(1)) v = (v as Record<string, unknown> | undefined)?.[part];
  return v;
}
