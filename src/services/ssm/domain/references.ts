// How a read names a parameter: `name`, `name:version`, `name:label`, or its ARN (with a selector too).
import { INVALID_NAME, trimName, validationException, wellFormedName } from "./names.js";

export interface Reference {
  name: string;
  /** `:3` or `:prod`, as GetParameter echoes it in `Selector`. */
  selector?: string;
  /** From an ARN: whose parameter and where; `""` for a public one. */
  accountId?: string;
  region?: string;
}

const ARN = /^arn:[^:]+:ssm:([^:]*):([^:]*):parameter\/(.+)$/;

/** Undefined when the reference cannot name any parameter (a second selector). */
export function parseReference(input: string): Reference | undefined {
  const text = trimName(input);
  const arn = ARN.exec(text);
  const [rest, accountId, region] = arn ? [arn[3], arn[2], arn[1]] : [text, undefined, undefined];
  const parts = rest.split(":");
  if (parts.length > 2) return undefined;
  let name = parts[0];
  if (arn && name.includes("/")) name = `/${name}`;
  const ref: Reference = { name };
  if (parts.length === 2) ref.selector = `:${parts[1]}`;
  if (accountId !== undefined) Object.assign(ref, { accountId, region });
  return ref;
}

/** As parseReference, refusing a malformed name as SSM does (ValidationException). */
export function readReference(input: string): Reference | undefined {
  const ref = parseReference(input);
  if (ref && !wellFormedName(ref.name)) throw validationException(INVALID_NAME);
  return ref;
}
