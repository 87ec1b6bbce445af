// Finding a bucket for a request, and the bucket naming rules S3 enforces at creation
// (the S3 User Guide, "General purpose bucket naming rules").
import type { S3Context } from "../context.js";
import type { BucketRecord } from "../store.js";
import { s3Errors } from "./errors.js";

/** The caller's bucket: NoSuchBucket when there is none, AccessDenied when another account owns it. */
export function ownBucket(ctx: S3Context, name: string, expectedOwner?: string): BucketRecord {
  const bucket = ctx.state.buckets.get(name);
  if (!bucket) throw s3Errors.noSuchBucket(name);
  if (bucket.owner !== ctx.request.accountId) throw s3Errors.accessDenied();
  if (expectedOwner !== undefined && expectedOwner !== bucket.owner) throw s3Errors.accessDenied();
  return bucket;
}

/**
 * 3 to 63 characters of lowercase letters, digits, dots and hyphens, beginning and ending with a
 * letter or digit; no two adjacent dots; not an IP address; not the reserved prefixes and suffixes.
 */
export function validBucketName(name: string): boolean {
  if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(name)) return false;
  if (name.includes("..")) return false;
  if (/^\d+\.\d+\.\d+\.\d+$/.test(name)) return false;
  if (/^(xn--|sthree-|amzn-s3-demo-)/.test(name)) return false;
  return !/(-s3alias|--ol-s3|\.mrap|--x-s3|--table-s3)$/.test(name);
}

export const bucketArn = (name: string): string => `arn:aws:s3:::${name}`;

/** Every bucket answers SSE-S3 as its default encryption unless configured otherwise (since January 2023). */
export const DEFAULT_ENCRYPTION = { Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: "AES256" as const }, BucketKeyEnabled: false }] };

/** New buckets block public access (since April 2023). */
export const DEFAULT_PUBLIC_ACCESS_BLOCK = { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true };
