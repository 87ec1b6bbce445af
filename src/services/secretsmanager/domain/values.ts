// What a request that stores a value carries: the value itself and the token that names its version.
import { invalidParameter, tokenRequired, BOTH_VALUES } from "./messages.js";
import type { NewValue } from "./versions.js";

export interface ValueInput {
  SecretString?: string;
  SecretBinary?: string;
}

/** The value a request stores, if any; both kinds at once is refused. */
export function valueOf(input: ValueInput): NewValue {
  if (input.SecretString !== undefined && input.SecretBinary !== undefined) throw invalidParameter(BOTH_VALUES);
  if (input.SecretString !== undefined) return { secretString: input.SecretString };
  if (input.SecretBinary !== undefined) return { secretBinary: input.SecretBinary };
  return {};
}

/**
 * The version id of the value stored: the SDKs and the CLI always send a token (a fresh UUID when
 * the caller gives none); a raw request without one is refused, as Secrets Manager refuses it.
 */
export function requireToken(token: string | undefined): string {
  if (token === undefined) throw tokenRequired();
  return token;
}
