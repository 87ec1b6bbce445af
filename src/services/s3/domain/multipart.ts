// Multipart uploads (the S3 User Guide's "Uploading and copying objects using multipart upload"):
// parts numbered 1–10,000, each but the last at least 5 MiB, put together in the order the completion
// lists them; the object's ETag is the MD5 of the parts' MD5s followed by `-<count>`.
import { createHash } from "node:crypto";
import type { S3Context } from "../context.js";
import type { BucketRecord, PartRecord, UploadRecord } from "../store.js";
import { s3Errors } from "./errors.js";

export const MIN_PART_BYTES = 5 * 1024 * 1024;

export function findUpload(bucket: BucketRecord, key: string, uploadId: string): UploadRecord {
  const upload = bucket.uploads.get(uploadId);
  if (!upload || upload.key !== key) throw s3Errors.noSuchUpload(uploadId);
  return upload;
}

/** An upload id as S3's look: long, URL-safe. */
export const newUploadId = (ctx: S3Context): string => ctx.backend.ids.bytes(48).toString("base64url");

const unquote = (etag: string): string => etag.replace(/^"|"$/g, "");

/** The parts a completion names, checked: ascending numbers, each uploaded with that ETag, all but the last big enough. */
export function partsToJoin(upload: UploadRecord, listed: { PartNumber?: number; ETag?: string }[]): PartRecord[] {
  let last = 0;
  const parts = listed.map((p) => {
    const n = p.PartNumber ?? 0;
    if (n <= last) throw s3Errors.invalidPartOrder();
    last = n;
    const part = upload.parts.get(n);
    if (!part || unquote(part.etag) !== unquote(p.ETag ?? "")) throw s3Errors.invalidPart(n, p.ETag ?? "");
    return part;
  });
  parts.forEach((p, i) => {
    if (i < parts.length - 1 && p.size < MIN_PART_BYTES) throw s3Errors.entityTooSmall(p.size);
  });
  return parts;
}

export function multipartEtag(parts: PartRecord[]): string {
  const digests = Buffer.concat(parts.map((p) => Buffer.from(unquote(p.etag), "hex")));
  return `"${createHash("md5").update(digests).digest("hex")}-${parts.length}"`;
}

/** Forgets an upload and the parts' bytes. */
export function dropUpload(ctx: S3Context, bucket: BucketRecord, upload: UploadRecord): void {
  for (const p of upload.parts.values()) ctx.backend.blobs.release(p.blob);
  bucket.uploads.delete(upload.uploadId);
}
