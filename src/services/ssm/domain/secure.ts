// SecureString parameters without a KMS: the key ids PutParameter accepts, and the value a read without
// decryption answers, shaped as a KMS ciphertext blob (base64 of version, key, and a CMS EncryptedData
// with AES-256-GCM), really encrypted, fixed per parameter version so every read answers the same.
import { createCipheriv, createHash } from "node:crypto";
import { AwsError } from "../../../protocol/errors.js";
import { InvalidKeyId } from "../generated/errors.js";

export const DEFAULT_KEY_ID = "alias/aws/ssm";

const KEY_ID = /^(mrk-[0-9a-f]{32}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;
const ALIAS = /^alias\/[a-zA-Z0-9/_-]+$/;
const KEY_ARN = /^arn:aws[a-z-]*:kms:[a-z0-9-]+:\d{12}:(key\/(mrk-[0-9a-f]{32}|[0-9a-f-]{36})|alias\/[a-zA-Z0-9/_-]+)$/;

/**
 * There is no KMS here to ask whether a key exists: any well-formed key id, key ARN, alias name or
 * alias ARN is taken as an existing key (chosen); anything else is refused as KMS refuses it.
 */
export function checkKeyId(keyId: string, requestId: string): void {
  if (KEY_ID.test(keyId) || ALIAS.test(keyId) || KEY_ARN.test(keyId)) return;
  throw new InvalidKeyId(`Invalid keyId ${keyId} (Service: AWSKMS; Status Code: 400; Error Code: NotFoundException; Request ID: ${requestId}; Proxy: null)`);
}

export function keyIdOnlyForSecureString(): AwsError {
  return new AwsError("ValidationException", "KeyId is required for SecureString type parameter only.", 400);
}

function sha256(text: string): Buffer {
  return createHash("sha256").update(text).digest();
}

function der(tag: number, ...parts: Buffer[]): Buffer {
  const body = Buffer.concat(parts);
  const n = body.length;
  const length = n < 0x80 ? Buffer.from([n]) : n < 0x100 ? Buffer.from([0x81, n]) : Buffer.from([0x82, n >> 8, n & 0xff]);
  return Buffer.concat([Buffer.from([tag]), length, body]);
}

const OID_ENCRYPTED_DATA = Buffer.from("06092a864886f70d010706", "hex");
const OID_DATA = Buffer.from("06092a864886f70d010701", "hex");
const OID_AES256_GCM = Buffer.from("060960864801650304012e", "hex");

/** The ciphertext blob of `value` under `keyId`, for this parameter version (`seed`), in base64. */
export function ciphertextBlob(value: string, keyId: string, scope: string, seed: string): string {
  const key = sha256(`${scope}/${keyId}`);
  const iv = sha256(`${seed}/iv`).subarray(0, 12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const encrypted = Buffer.concat([cipher.update(value, "utf8"), cipher.final(), cipher.getAuthTag()]);
  const params = der(0x30, der(0x04, iv), der(0x02, Buffer.from([16])));
  const content = der(0x30, OID_DATA, der(0x30, OID_AES256_GCM, params), der(0x80, encrypted));
  const cms = der(0x30, OID_ENCRYPTED_DATA, der(0xa0, der(0x30, der(0x02, Buffer.from([0])), content)));
  const length = Buffer.alloc(4);
  length.writeUInt32BE(cms.length);
  const header = Buffer.from([0x01, 0x02, 0x02, 0x00, 0x78]);
  return Buffer.concat([header, sha256(`${scope}/${keyId}/id`), Buffer.from([0x01]), sha256(`${seed}/data-key`).subarray(0, 16), length, cms]).toString("base64");
}
