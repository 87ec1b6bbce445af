// The pieces of a listing answer: each object's entry, the common prefixes, and S3's URL encoding
// of keys when the caller asks for `encoding-type=url` (the AWS CLI always does).
import type { BucketRecord, ObjectVersion } from "../store.js";
import { ownerOf } from "./owner.js";

export type Encode = (s: string) => string;

export const encoder = (encodingType: string | undefined): Encode =>
  encodingType === "url" ? (s) => encodeURIComponent(s).replace(/%2F/g, "/") : (s) => s;

export function objectEntry(v: ObjectVersion, encode: Encode, withOwner: boolean) {
  return {
    Key: encode(v.key),
    LastModified: v.lastModified,
    ETag: v.etag,
    ...(v.checksums ? { ChecksumAlgorithm: Object.keys(v.checksums) as never[], ChecksumType: "FULL_OBJECT" as const } : {}),
    Size: v.size,
    StorageClass: v.storageClass as never,
    ...(withOwner ? { Owner: ownerOf(v.owner) } : {}),
  };
}

/** The latest (live) version of a listed key. */
export const latestOf = (bucket: BucketRecord, key: string): ObjectVersion => bucket.objects.get(key)![0];

export const commonPrefixes = (prefixes: string[], encode: Encode) => (prefixes.length ? { CommonPrefixes: prefixes.map((p) => ({ Prefix: encode(p) })) } : {});
