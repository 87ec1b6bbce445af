import type { Handler } from "../context.js";
import { ownBucket } from "../domain/buckets.js";
import { checksumMembers } from "../domain/checksums.js";
import { findUpload } from "../domain/multipart.js";
import { ownerOf } from "../domain/owner.js";

/** The parts uploaded so far, by number, a page of `max-parts` (1,000 by default) after `part-number-marker`. */
export const listParts: Handler<"ListParts"> = (input, ctx) => {
  const bucket = ownBucket(ctx, input.Bucket, input.ExpectedBucketOwner);
  const upload = findUpload(bucket, input.Key, input.UploadId);
  const max = Math.min(input.MaxParts ?? 1000, 1000);
  const after = Number(input.PartNumberMarker ?? 0);
  const numbers = [...upload.parts.keys()].filter((n) => n > after).sort((a, b) => a - b);
  const page = numbers.slice(0, max);
  const truncated = numbers.length > max;
  return {
    Bucket: bucket.name,
    Key: upload.key,
    UploadId: upload.uploadId,
    PartNumberMarker: after,
    ...(page.length ? { NextPartNumberMarker: page.at(-1)! } : {}),
    MaxParts: max,
    IsTruncated: truncated,
    ...(page.length
      ? {
          Parts: page.map((n) => {
            const p = upload.parts.get(n)!;
            return { PartNumber: n, LastModified: p.lastModified, ETag: p.etag, Size: p.size, ...checksumMembers(p.checksums, false) };
          }),
        }
      : {}),
    Initiator: { ID: ownerOf(upload.owner).ID },
    Owner: ownerOf(upload.owner),
    StorageClass: upload.object.storageClass as never,
  };
};
