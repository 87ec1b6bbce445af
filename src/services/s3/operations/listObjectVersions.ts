import type { Handler } from "../context.js";
import { ownBucket } from "../domain/buckets.js";
import { listVersions } from "../domain/listing.js";
import { commonPrefixes, encoder } from "../domain/listView.js";
import { ownerOf } from "../domain/owner.js";

/** Every version and delete marker, key by key, newest first; how a versioned bucket is emptied. */
export const listObjectVersions: Handler<"ListObjectVersions"> = (input, ctx) => {
  const bucket = ownBucket(ctx, input.Bucket, input.ExpectedBucketOwner);
  const max = Math.min(input.MaxKeys ?? 1000, 1000);
  const page = listVersions(bucket, { prefix: input.Prefix, delimiter: input.Delimiter, keyMarker: input.KeyMarker, versionIdMarker: input.VersionIdMarker, max });
  const encode = encoder(input.EncodingType);
  const versions = page.versions.filter((v) => !v.version.deleteMarker);
  const markers = page.versions.filter((v) => v.version.deleteMarker);
  return {
    IsTruncated: page.truncated,
    KeyMarker: encode(input.KeyMarker ?? ""),
    VersionIdMarker: input.VersionIdMarker ?? "",
    ...(page.truncated && page.nextKeyMarker !== undefined ? { NextKeyMarker: encode(page.nextKeyMarker) } : {}),
    ...(page.truncated && page.nextVersionIdMarker !== undefined ? { NextVersionIdMarker: page.nextVersionIdMarker } : {}),
    ...(versions.length
      ? {
          Versions: versions.map(({ version: v, isLatest }) => ({
            ETag: v.etag,
            ...(v.checksums ? { ChecksumAlgorithm: Object.keys(v.checksums) as never[], ChecksumType: "FULL_OBJECT" as const } : {}),
            Size: v.size,
            StorageClass: "STANDARD" as const,
            Key: encode(v.key),
            VersionId: v.versionId,
            IsLatest: isLatest,
            LastModified: v.lastModified,
            Owner: ownerOf(v.owner),
          })),
        }
      : {}),
    ...(markers.length
      ? { DeleteMarkers: markers.map(({ version: v, isLatest }) => ({ Owner: ownerOf(v.owner), Key: encode(v.key), VersionId: v.versionId, IsLatest: isLatest, LastModified: v.lastModified })) }
      : {}),
    Name: bucket.name,
    Prefix: encode(input.Prefix ?? ""),
    ...(input.Delimiter !== undefined ? { Delimiter: encode(input.Delimiter) } : {}),
    MaxKeys: max,
    ...commonPrefixes(page.commonPrefixes, encode),
    ...(input.EncodingType !== undefined ? { EncodingType: input.EncodingType } : {}),
  };
};
