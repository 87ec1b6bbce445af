import type { Handler } from "../context.js";
import type { DeletedObject } from "../generated/types.js";
import { ownBucket } from "../domain/buckets.js";
import { s3Errors } from "../domain/errors.js";
import { deleteObject } from "../domain/objects.js";

/** Up to 1,000 keys at once, each as DeleteObject would; `Quiet` answers only the failures. */
export const deleteObjects: Handler<"DeleteObjects"> = (input, ctx) => {
  const bucket = ownBucket(ctx, input.Bucket, input.ExpectedBucketOwner);
  const objects = input.Delete.Objects;
  if (objects.length === 0 || objects.length > 1000) throw s3Errors.malformedXml();
  const deleted: DeletedObject[] = [];
  for (const o of objects) {
    const r = deleteObject(ctx, bucket, o.Key, o.VersionId);
    const entry: DeletedObject = { Key: o.Key };
    if (o.VersionId !== undefined) entry.VersionId = o.VersionId;
    if (r.deleteMarker) entry.DeleteMarker = true;
    if (r.deleteMarker && o.VersionId === undefined) entry.DeleteMarkerVersionId = r.versionId;
    if (r.deleteMarker && o.VersionId !== undefined) entry.DeleteMarkerVersionId = o.VersionId;
    deleted.push(entry);
  }
  return input.Delete.Quiet ? {} : { Deleted: deleted };
};
