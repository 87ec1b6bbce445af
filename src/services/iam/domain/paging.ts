// Marker/MaxItems paging as IAM does it: at most MaxItems (100 unless given) a page, IsTruncated
// always answered, and a Marker when more remain. The marker is opaque to the caller: here the key
// of the next item, so that an entity deleted between two pages moves nothing.
import { commonErrors } from "../../../protocol/errors.js";

export interface Page<T> {
  items: T[];
  IsTruncated: boolean;
  Marker?: string;
}

/** A page of `items`, in ascending order of `keyOf` (their position, unless given). */
export function page<T>(items: readonly T[], marker: string | undefined, maxItems: number | undefined, keyOf: (item: T, index: number) => number = (_, i) => i): Page<T> {
  let start = 0;
  if (marker !== undefined) {
    const key = Number(Buffer.from(marker, "base64").toString("utf8"));
    if (!/^[A-Za-z0-9+/]+=*$/.test(marker) || !Number.isSafeInteger(key)) throw commonErrors.validation("Invalid Marker.");
    start = items.findIndex((item, i) => keyOf(item, i) >= key);
    if (start < 0) start = items.length;
  }
  const size = maxItems ?? 100;
  const slice = items.slice(start, start + size);
  const next = start + slice.length;
  if (next >= items.length) return { items: slice, IsTruncated: false };
  return { items: slice, IsTruncated: true, Marker: Buffer.from(String(keyOf(items[next], next))).toString("base64") };
}
