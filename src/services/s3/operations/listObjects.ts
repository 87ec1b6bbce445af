import type { Handler } from "../context.js";
import { ownBucket } from "../domain/buckets.js";
import { isLive, listKeys, sortedKeys } from "../domain/listing.js";
import { commonPrefixes, encoder, latestOf, objectEntry } from "../domain/listView.js";

/** Version 1 of the listing: pages by `Marker`; `NextMarker` only when a delimiter was given. */
export const listObjects: Handler<"ListObjects"> = (input, ctx) => {
  const bucket = ownBucket(ctx, input.Bucket, input.ExpectedBucketOwner);
  const max = Math.min(input.MaxKeys ?? 1000, 1000);
  const page = listKeys(sortedKeys(bucket), { prefix: input.Prefix, delimiter: input.Delimiter, after: input.Marker, max, keep: isLive(bucket) });
  const encode = encoder(input.EncodingType);
  const contents = page.entries.flatMap((e) => ("key" in e ? [objectEntry(latestOf(bucket, e.key), encode, true)] : []));
  const prefixes = page.entries.flatMap((e) => ("commonPrefix" in e ? [e.commonPrefix] : []));
  return {
    IsTruncated: page.truncated,
    Marker: encode(input.Marker ?? ""),
    ...(page.truncated && input.Delimiter !== undefined && page.last !== undefined ? { NextMarker: encode(page.last) } : {}),
    ...(contents.length ? { Contents: contents } : {}),
    Name: bucket.name,
    Prefix: encode(input.Prefix ?? ""),
    ...(input.Delimiter !== undefined ? { Delimiter: encode(input.Delimiter) } : {}),
    MaxKeys: max,
    ...commonPrefixes(prefixes, encode),
    ...(input.EncodingType !== undefined ? { EncodingType: input.EncodingType } : {}),
  };
};
