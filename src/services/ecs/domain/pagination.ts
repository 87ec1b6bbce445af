// nextToken/maxResults as ECS's List* operations page: opaque tokens that resume after a key.
import { InvalidParameterException } from "../generated/errors.js";

export interface Page<T> {
  items: T[];
  nextToken?: string;
}

interface Cursor {
  /** Key of the last item returned. */
  k: string;
  /** Its position then, to resume near it if it has gone since. */
  i: number;
}

const encode = (c: Cursor): string => Buffer.from(JSON.stringify(c)).toString("base64url");

function decode(token: string): Cursor {
  try {
    const c = JSON.parse(Buffer.from(token, "base64url").toString("utf8")) as Partial<Cursor>;
    if (typeof c.k === "string" && Number.isInteger(c.i) && (c.i as number) >= 0) return c as Cursor;
  } catch {
    // an unreadable token is refused below
  }
  throw new InvalidParameterException("Invalid token");
}

export function checkMaxResults(maxResults: number | undefined, limit = 100): number {
  if (maxResults === undefined) return limit;
  if (maxResults < 1 || maxResults > limit) throw new InvalidParameterException(`maxResults must be between 1 and ${limit}.`);
  return maxResults;
}

/** One page of `source` (in its order), resuming after the item the token names. */
export function paginate<T>(source: Iterable<T>, keyOf: (item: T) => string, maxResults: number | undefined, nextToken: string | undefined, limit = 100): Page<T> {
  const size = checkMaxResults(maxResults, limit);
  const all = Array.isArray(source) ? (source as T[]) : [...source];
  let start = 0;
  if (nextToken) {
    const c = decode(nextToken);
    const at = c.i < all.length && keyOf(all[c.i]) === c.k ? c.i : all.findIndex((x) => keyOf(x) === c.k);
    start = at >= 0 ? at + 1 : Math.min(c.i, all.length);
  }
  const items = all.slice(start, start + size);
  const end = start + items.length;
  return end < all.length ? { items, nextToken: encode({ k: keyOf(items[items.length - 1]), i: end - 1 }) } : { items };
}

/**
 * A page read from an ordered stream without copying the rest: `size` items and whether more follow.
 * For indexed sources (tasks) that resume by sequence number instead of by search.
 */
export function takePage<T>(source: Iterable<T>, size: number): { items: T[]; more: boolean } {
  const items: T[] = [];
  for (const item of source) {
    if (items.length === size) return { items, more: true };
    items.push(item);
  }
  return { items, more: false };
}

export function sequenceToken(seq: number): string {
  return encode({ k: "", i: seq });
}

export function sequenceFromToken(token: string | undefined): number {
  return token ? decode(token).i : 0;
}
