// KMS keys as Secrets Manager accepts them. ecs-local serves no KMS: a key is accepted by its form
// (a key id, a key ARN, an alias or an alias ARN) and kept as given; nothing is encrypted with it.
import { invalidParameter } from "./messages.js";

const KEY_ID = /^([A-Za-z0-9]{8}-[A-Za-z0-9]{4}-[A-Za-z0-9]{4}-[A-Za-z0-9]{4}-[A-Za-z0-9]{12}|mrk-[0-9a-f]{32})$/;
const ALIAS = /^alias\/[A-Za-z0-9/_-]+$/;
const KMS_ARN = /^arn:aws[a-z-]*:kms:[a-z0-9-]+:\d{12}:(key\/.+|alias\/.+)$/;

/** The AWS managed key every secret uses unless told otherwise; DescribeSecret leaves it out. */
export const DEFAULT_KEY_ALIAS = "alias/aws/secretsmanager";
/** How ListSecretVersionIds names the default key. */
export const DEFAULT_KEY_NAME = "DefaultEncryptionKey";

/** The key to keep for a secret: undefined for the default key (absent, empty, or named). */
export function kmsKey(id: string | undefined): string | undefined {
  if (id === undefined || id === "" || id === DEFAULT_KEY_ALIAS) return undefined;
  const m = KMS_ARN.exec(id);
  const resource = m?.[1];
  const valid = m ? (resource!.startsWith("key/") ? KEY_ID.test(resource!.slice(4)) : ALIAS.test(resource!)) : KEY_ID.test(id) || ALIAS.test(id);
  if (!valid) throw invalidParameter("The operation failed because of an invalid KMS key: Invalid keyId");
  return id;
}
