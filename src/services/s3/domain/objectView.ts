// An object version as GetObject and HeadObject answer it: its headers.
import type { BucketRecord, ObjectVersion } from "../store.js";
import { checksumMembers } from "./checksums.js";

export function objectHeaders(bucket: BucketRecord, v: ObjectVersion, withChecksums: boolean) {
  return {
    AcceptRanges: "bytes",
    LastModified: v.lastModified,
    ContentLength: v.size,
    ETag: v.etag,
    ...(withChecksums ? checksumMembers(v.checksums) : {}),
    ...(bucket.versioning !== undefined ? { VersionId: v.versionId } : {}),
    ...(v.cacheControl !== undefined ? { CacheControl: v.cacheControl } : {}),
    ...(v.contentDisposition !== undefined ? { ContentDisposition: v.contentDisposition } : {}),
    ...(v.contentEncoding !== undefined ? { ContentEncoding: v.contentEncoding } : {}),
    ...(v.contentLanguage !== undefined ? { ContentLanguage: v.contentLanguage } : {}),
    ContentType: v.contentType ?? "binary/octet-stream",
    ...(v.expires !== undefined ? { Expires: v.expires } : {}),
    ServerSideEncryption: v.serverSideEncryption as never,
    ...(v.sseKmsKeyId !== undefined ? { SSEKMSKeyId: v.sseKmsKeyId } : {}),
    ...(v.metadata ? { Metadata: v.metadata } : {}),
    ...(v.storageClass !== "STANDARD" ? { StorageClass: v.storageClass as never } : {}),
  };
}
