// The integrity checks of a write: Content-MD5, and the flexible checksums the SDKs send (CRC32,
// SHA-1 and SHA-256 are verified; CRC32C, CRC64NVME and the rest are kept as sent, unverified).
import { createHash } from "node:crypto";
import * as zlib from "node:zlib";
import { s3Errors } from "./errors.js";

const ALGORITHMS = ["CRC32", "CRC32C", "CRC64NVME", "SHA1", "SHA256", "SHA512", "MD5", "XXHASH64", "XXHASH3", "XXHASH128"] as const;
type Algorithm = (typeof ALGORITHMS)[number];

function crc32(bytes: Buffer): string | undefined {
  const fn = (zlib as { crc32?: (b: Buffer) => number }).crc32;
  if (!fn) return undefined;
  const out = Buffer.alloc(4);
  out.writeUInt32BE(fn(bytes) >>> 0);
  return out.toString("base64");
}

function computed(algorithm: Algorithm, bytes: Buffer): string | undefined {
  if (algorithm === "CRC32") return crc32(bytes);
  if (algorithm === "SHA1") return createHash("sha1").update(bytes).digest("base64");
  if (algorithm === "SHA256") return createHash("sha256").update(bytes).digest("base64");
  return undefined;
}

/** The checksums a PutObject or UploadPart carried, checked against the bytes; by algorithm. */
export function checkWrite(input: { ContentMD5?: string } & { [K in `Checksum${Algorithm}`]?: string }, bytes: () => Buffer, md5hex: string): Record<string, string> {
  if (input.ContentMD5 !== undefined) {
    const given = Buffer.from(input.ContentMD5, "base64");
    if (given.length !== 16) throw s3Errors.invalidDigest();
    if (given.toString("hex") !== md5hex) throw s3Errors.badDigest();
  }
  const out: Record<string, string> = {};
  for (const algorithm of ALGORITHMS) {
    const value = input[`Checksum${algorithm}`];
    if (value === undefined) continue;
    const expected = computed(algorithm, bytes());
    if (expected !== undefined && expected !== value) throw s3Errors.checksumMismatch(algorithm);
    out[algorithm] = value;
  }
  return out;
}

/** The checksum members of an answer (`ChecksumCRC32: …`), and their type where the answer has one (an object's, not a part's). */
export function checksumMembers(checksums: Record<string, string> | undefined, withType = true): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [algorithm, value] of Object.entries(checksums ?? {})) out[`Checksum${algorithm}`] = value;
  if (withType && Object.keys(out).length) out.ChecksumType = "FULL_OBJECT";
  return out;
}
