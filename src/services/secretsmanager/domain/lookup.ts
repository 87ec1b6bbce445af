// Finding the secret a request names: by name, by full ARN, or by partial ARN (the ARN without its
// six-character suffix), in the caller's account and Region.
import { AwsError } from "../../../protocol/errors.js";
import type { SecretRecord, SecretsManagerState } from "../store.js";
import { parseSecretArn } from "./arn.js";
import { invalidName, markedForDeletion, notFound } from "./messages.js";

const NAME = /^[A-Za-z0-9/_+=.@-]+$/;
const FULL_SUFFIX = /-[A-Za-z0-9]{6}$/;
const MAX_NAME = 256;

/**
 * A name outside `/_+=.@-`, letters and digits is refused before any lookup; so is one longer than
 * the 256 characters the model gives a secret's name in every answer (its input allows 512).
 */
export function checkName(name: string): void {
  if (!NAME.test(name)) throw invalidName();
  if (name.length > MAX_NAME) {
    throw new AwsError("ValidationException", `1 validation error detected: Value at 'name' failed to satisfy constraint: Member must have length less than or equal to ${MAX_NAME}`, 400);
  }
}

/** A SecretId that is not an ARN must be a valid name. */
export function checkSecretId(secretId: string): void {
  if (!secretId.startsWith("arn:")) checkName(secretId);
}

/** The secret, live or scheduled for deletion; undefined when there is none. */
export function lookupSecret(state: SecretsManagerState, secretId: string): SecretRecord | undefined {
  if (!secretId.startsWith("arn:")) return state.secrets.get(secretId);
  const parsed = parseSecretArn(secretId);
  if (!parsed || parsed.accountId !== state.accountId || parsed.region !== state.region) return undefined;
  // An ARN ending in a hyphen and six characters is read as a full ARN, which names the secret
  // exactly (one deleted and recreated under the same name has another suffix); any other is a
  // partial ARN, the name alone. So a name that itself ends that way is not found by partial ARN.
  if (!FULL_SUFFIX.test(parsed.resource)) return state.secrets.get(parsed.resource);
  const found = state.secrets.get(parsed.resource.slice(0, -7));
  return found?.arn === secretId ? found : undefined;
}

/** The secret, live or scheduled for deletion (DescribeSecret, RestoreSecret, …). */
export function findSecret(state: SecretsManagerState, secretId: string): SecretRecord {
  checkSecretId(secretId);
  const found = lookupSecret(state, secretId);
  if (!found) throw notFound();
  return found;
}

/** A secret that is not scheduled for deletion: what reading or changing it needs. */
export function activeSecret(state: SecretsManagerState, secretId: string): SecretRecord {
  const found = findSecret(state, secretId);
  if (found.deletedDate !== undefined) throw markedForDeletion();
  return found;
}
