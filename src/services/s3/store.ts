// S3's state: one namespace of bucket names for the whole partition (every account and region, as
// in AWS), each bucket with its owner and region, its configuration and its objects' versions,
// kept as plain data in the API's own terms (times in epoch seconds).
import type {
  LifecycleRule,
  PublicAccessBlockConfiguration,
  ServerSideEncryptionConfiguration,
  Tag,
} from "./generated/types.js";

export interface ObjectVersion {
  key: string;
  /** `null` for the version written while versioning was never enabled or suspended. */
  versionId: string;
  deleteMarker: boolean;
  lastModified: number;
  /** The blob store's reference to the bytes (absent on a delete marker). */
  blob?: string;
  size: number;
  /** Quoted, as S3 answers it. */
  etag: string;
  contentType?: string;
  contentEncoding?: string;
  contentDisposition?: string;
  contentLanguage?: string;
  cacheControl?: string;
  expires?: string;
  metadata?: Record<string, string>;
  /** The checksum the writer sent, by algorithm (`CRC32` → base64). */
  checksums?: Record<string, string>;
  /** The account that wrote it. */
  owner: string;
  serverSideEncryption: string;
  sseKmsKeyId?: string;
  storageClass: string;
}

/** A part of a multipart upload, as UploadPart wrote it. */
export interface PartRecord {
  blob: string;
  size: number;
  /** Quoted MD5 of the part. */
  etag: string;
  lastModified: number;
  checksums?: Record<string, string>;
}

/** A multipart upload in progress: what CreateMultipartUpload said of the object, and its parts. */
export interface UploadRecord {
  uploadId: string;
  key: string;
  initiated: number;
  owner: string;
  /** The object's headers and metadata, given when the upload was created. */
  object: Pick<ObjectVersion, "contentType" | "contentEncoding" | "contentDisposition" | "contentLanguage" | "cacheControl" | "expires" | "metadata" | "serverSideEncryption" | "sseKmsKeyId" | "storageClass">;
  parts: Map<number, PartRecord>;
}

export interface BucketRecord {
  name: string;
  owner: string;
  region: string;
  creationDate: number;
  /** Absent until versioning was first set: GetBucketVersioning then answers no status. */
  versioning?: "Enabled" | "Suspended";
  policy?: string;
  encryption: ServerSideEncryptionConfiguration;
  publicAccessBlock?: PublicAccessBlockConfiguration;
  lifecycle?: LifecycleRule[];
  tags?: Tag[];
  /** Each key's versions, newest first. */
  objects: Map<string, ObjectVersion[]>;
  /** Multipart uploads in progress, by upload id. */
  uploads: Map<string, UploadRecord>;
}

export interface S3State {
  buckets: Map<string, BucketRecord>;
}

export function createS3State(): S3State {
  return { buckets: new Map() };
}
