import type { Handler } from "../context.js";
import { ownBucket } from "../domain/buckets.js";
import { deleteObject as remove } from "../domain/objects.js";

export const deleteObject: Handler<"DeleteObject"> = (input, ctx) => {
  const bucket = ownBucket(ctx, input.Bucket, input.ExpectedBucketOwner);
  const r = remove(ctx, bucket, input.Key, input.VersionId);
  return { ...(r.deleteMarker ? { DeleteMarker: true } : {}), ...(r.versionId !== undefined ? { VersionId: r.versionId } : {}) };
};
