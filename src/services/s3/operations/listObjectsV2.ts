import type { Handler } from "../context.js";
import { ownBucket } from "../domain/buckets.js";
import { s3Errors } from "../domain/errors.js";
import { isLive, listKeys, sortedKeys } from "../domain/listing.js";
import { commonPrefixes, encoder, latestOf, objectEntry } from "../domain/listView.js";

/** Continuation tokens are opaque to callers: the last key of the page, encoded. */
const token = (key: string): string => Buffer.from(`v2:${key}`, "utf8").toString("base64");

function afterToken(t: string): string {
  const text = Buffer.from(t, "base64").toString("utf8");
  if (!text.startsWith("v2:")) throw s3Errors.invalidArgument("The continuation token provided is incorrect", "continuation-token", t);
  return text.slice(3);
}

export const listObjectsV2: Handler<"ListObjectsV2"> = (input, ctx) => {
  const bucket = ownBucket(ctx, input.Bucket, input.ExpectedBucketOwner);
  const max = Math.min(input.MaxKeys ?? 1000, 1000);
  const after = input.ContinuationToken !== undefined ? afterToken(input.ContinuationToken) : input.StartAfter;
  const page = listKeys(sortedKeys(bucket), { prefix: input.Prefix, delimiter: input.Delimiter, after, max, keep: isLive(bucket) });
  const encode = encoder(input.EncodingType);
  const contents = page.entries.flatMap((e) => ("key" in e ? [objectEntry(latestOf(bucket, e.key), encode, input.FetchOwner === true)] : []));
  const prefixes = page.entries.flatMap((e) => ("commonPrefix" in e ? [e.commonPrefix] : []));
  return {
    IsTruncated: page.truncated,
    ...(contents.length ? { Contents: contents } : {}),
    Name: bucket.name,
    Prefix: encode(input.Prefix ?? ""),
    ...(input.Delimiter !== undefined ? { Delimiter: encode(input.Delimiter) } : {}),
    MaxKeys: max,
    ...commonPrefixes(prefixes, encode),
    ...(input.EncodingType !== undefined ? { EncodingType: input.EncodingType } : {}),
    KeyCount: page.entries.length,
    ...(input.ContinuationToken !== undefined ? { ContinuationToken: input.ContinuationToken } : {}),
    ...(page.truncated && page.last !== undefined ? { NextContinuationToken: token(page.last) } : {}),
    ...(input.StartAfter !== undefined ? { StartAfter: encode(input.StartAfter) } : {}),
  };
};
