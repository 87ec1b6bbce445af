// Parameter values for a deployment: given ones, previous ones (UsePreviousValue), defaults; checked
// against their declarations; SSM-typed ones resolved through SSM's port.
import { validation } from "./errors.js";
import { checkValue, isSsmType, stringValue } from "./parameterTypes.js";
import type { Template } from "./types.js";
import type { Parameter } from "../generated/types.js";

export interface ParameterValues {
  /** Value by name, as given (an SSM parameter's name for SSM-typed ones). */
  given: Record<string, string>;
  /** What Ref gives: SSM-typed parameters resolved. */
  values: Record<string, string>;
  /** ResolvedValue of SSM-typed parameters. */
  resolved: Record<string, string>;
}

export function resolveParameters(
  t: Template,
  input: Parameter[] | undefined,
  previous: Record<string, string> | undefined,
  ssm: (name: string) => string | undefined,
): ParameterValues {
  const declared = t.Parameters ?? {};
  const extra = (input ?? []).map((p) => p.ParameterKey ?? "").filter((k) => !Object.hasOwn(declared, k));
  if (extra.length) throw validation(`Parameters: [${extra.join(", ")}] do not exist in the template`);
  const given: Record<string, string> = {};
  for (const p of input ?? []) {
    const key = p.ParameterKey!;
    if (p.UsePreviousValue) {
      if (p.ParameterValue !== undefined) throw validation(`Invalid input for parameter key ${key}. Cannot specify usePreviousValue as true and non empty value for a parameter`);
      if (previous?.[key] === undefined) throw validation(`Invalid input for parameter key ${key}. Cannot specify usePreviousValue as true for a parameter key not in the previous template`);
      given[key] = previous[key];
    } else if (p.ParameterValue !== undefined) given[key] = p.ParameterValue;
  }
  const missing: string[] = [];
  for (const [name, decl] of Object.entries(declared)) {
    if (given[name] === undefined && decl.Default !== undefined) given[name] = stringValue(decl.Default);
    if (given[name] === undefined) missing.push(name);
  }
  if (missing.length) throw validation(`Parameters: [${missing.join(", ")}] must have values`);
  const values: Record<string, string> = {};
  const resolved: Record<string, string> = {};
  const unfetched: string[] = [];
  for (const [name, decl] of Object.entries(declared)) {
    if (isSsmType(decl.Type)) {
      const v = ssm(given[name]);
      if (v === undefined) unfetched.push(given[name]);
      else values[name] = resolved[name] = v;
      continue;
    }
    checkValue(name, decl, given[name]);
    values[name] = given[name];
  }
  if (unfetched.length) throw validation(`Unable to fetch parameters [${unfetched.join(",")}] from parameter store for this account.`);
  return { given, values, resolved };
}

/** The parameters as DescribeStacks and DescribeChangeSet list them: NoEcho values masked. */
export function listedParameters(t: Template, p: ParameterValues): Parameter[] {
  return Object.entries(t.Parameters ?? {}).map(([name, decl]) => {
    const noEcho = decl.NoEcho === true || String(decl.NoEcho) === "true";
    return {
      ParameterKey: name,
      ParameterValue: noEcho ? "****" : p.given[name],
      ...(p.resolved[name] !== undefined ? { ResolvedValue: noEcho ? "****" : p.resolved[name] } : {}),
    };
  });
}
