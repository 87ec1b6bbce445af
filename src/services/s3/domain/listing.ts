// Listing a bucket as ListObjects(V2) and ListObjectVersions do: keys in lexicographic order under a
// prefix, rolled up into common prefixes at the delimiter (each counting as one key against
// max-keys), a page at a time.
import type { BucketRecord, ObjectVersion } from "../store.js";

export type Entry = { key: string } | { commonPrefix: string };

export interface Page {
  entries: Entry[];
  truncated: boolean;
  /** The last key or common prefix of the page: where the next one starts after. */
  last?: string;
}

export const sortedKeys = (bucket: BucketRecord): string[] => [...bucket.objects.keys()].sort();

/** One page of keys after `after` (exclusive), with common prefixes rolled up. */
export function listKeys(keys: string[], opts: { prefix?: string; delimiter?: string; after?: string; max: number; keep?: (key: string) => boolean }): Page {
  const prefix = opts.prefix ?? "";
  const entries: Entry[] = [];
  let last: string | undefined;
  for (const key of keys) {
    if (!key.startsWith(prefix)) continue;
    if (opts.after !== undefined && key <= opts.after) continue;
    if (opts.keep && !opts.keep(key)) continue;
    let entry: Entry = { key };
    if (opts.delimiter) {
      const at = key.indexOf(opts.delimiter, prefix.length);
      if (at >= 0) {
        const common = key.slice(0, at + opts.delimiter.length);
        if (common === last) continue;
        // A common prefix already handed out on an earlier page is not repeated.
        if (opts.after !== undefined && opts.after.startsWith(common)) continue;
        entry = { commonPrefix: common };
      }
    }
    if (entries.length >= opts.max) return { entries, truncated: true, last };
    entries.push(entry);
    last = "key" in entry ? entry.key : entry.commonPrefix;
  }
  return { entries, truncated: false, last };
}

/** The key of every live object (the latest version is not a delete marker). */
export const isLive = (bucket: BucketRecord) => (key: string): boolean => bucket.objects.get(key)?.[0]?.deleteMarker === false;

export interface VersionPage {
  versions: { version: ObjectVersion; isLatest: boolean }[];
  commonPrefixes: string[];
  truncated: boolean;
  nextKeyMarker?: string;
  nextVersionIdMarker?: string;
}

/** Every version of every key (newest first within a key), after the key and version markers. */
export function listVersions(bucket: BucketRecord, opts: { prefix?: string; delimiter?: string; keyMarker?: string; versionIdMarker?: string; max: number }): VersionPage {
  const out: VersionPage = { versions: [], commonPrefixes: [], truncated: false };
  const prefix = opts.prefix ?? "";
  let count = 0;
  for (const key of sortedKeys(bucket)) {
    if (!key.startsWith(prefix)) continue;
    if (opts.keyMarker !== undefined && (key < opts.keyMarker || (key === opts.keyMarker && opts.versionIdMarker === undefined))) continue;
    if (opts.delimiter) {
      const at = key.indexOf(opts.delimiter, prefix.length);
      if (at >= 0) {
        const common = key.slice(0, at + opts.delimiter.length);
        if (out.commonPrefixes.at(-1) === common || (opts.keyMarker !== undefined && opts.keyMarker.startsWith(common))) continue;
        if (count >= opts.max) return { ...out, truncated: true };
        out.commonPrefixes.push(common);
        out.nextKeyMarker = common;
        out.nextVersionIdMarker = undefined;
        count++;
        continue;
      }
    }
    const versions = bucket.objects.get(key)!;
    let start = 0;
    if (key === opts.keyMarker && opts.versionIdMarker !== undefined) start = versions.findIndex((v) => v.versionId === opts.versionIdMarker) + 1;
    for (let i = start; i < versions.length; i++) {
      if (count >= opts.max) return { ...out, truncated: true };
      out.versions.push({ version: versions[i], isLatest: i === 0 });
      out.nextKeyMarker = key;
      out.nextVersionIdMarker = versions[i].versionId;
      count++;
    }
  }
  return { ...out, nextKeyMarker: undefined, nextVersionIdMarker: undefined };
}
