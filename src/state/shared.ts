// Values many records hold alike (an instance's default options, its placement in one zone), kept
// once and frozen: a record holds a reference instead of its own copy. Frozen, so whoever would
// change one must replace it in the record, never edit it (an edit throws); snapshots bring frozen
// objects back frozen (snapshotGraph.ts). The cache only ever holds values derived from their key,
// so one process-wide table serves every server, account and region alike.

/** An empty list no record may grow (it is replaced when something is added). */
export const EMPTY: never[] = Object.freeze([]) as never[];

function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== "object" || Object.isFrozen(value)) return value;
  for (const v of Object.values(value)) deepFreeze(v);
  return Object.freeze(value);
}

/** Past this many distinct values, the table starts again (records keep what they hold). */
const LIMIT = 4096;
const table = new Map<string, unknown>();

/** The one frozen value for `key`, made by `make` the first time. */
export function shared<T>(key: string, make: () => T): T {
  let v = table.get(key) as T | undefined;
  if (v === undefined) {
    if (table.size >= LIMIT) table.clear();
    v = deepFreeze(make());
    table.set(key, v);
  }
  return v;
}

/**
 * The one frozen value equal to `value`, found by its JSON text. Not a copy: the first value given
 * for a text is frozen in place and kept, so give only a value made for the record (never one
 * something else still holds and changes).
 */
export function sharedData<T>(kind: string, value: T): T {
  return shared(`${kind}\u0000${JSON.stringify(value)}`, () => value);
}

/**
 * The one copy of a text many records hold (an image id). A value read from a request is a slice of
 * the whole request body, and keeps all of it alive for as long as a record holds it; the copy is
 * the text alone.
 */
export function sharedText(text: string): string {
  return shared(`text\u0000${text}`, () => Buffer.from(text, "utf8").toString("utf8"));
}

/**
 * Whether two plain data values would be written as the same JSON text, checked member by member
 * (stricter where it is cheaper: members in the same order, an absent member and an undefined one
 * differ). Much cheaper than writing both texts out to compare.
 */
export function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameData(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  for (let i = 0; i < ka.length; i++) {
    if (ka[i] !== kb[i] || !sameData((a as Record<string, unknown>)[ka[i]], (b as Record<string, unknown>)[kb[i]])) return false;
  }
  return true;
}

/**
 * `previous` when `value` is the same data, else a frozen copy of `value` made from its JSON text
 * (never `value`'s own objects, which a caller may still hold and change): records made one after
 * another alike (a family's revisions, a fleet's instances) hold one copy.
 */
export function sameOrFrozenCopy<T>(previous: T | undefined, value: T): T {
  if (previous !== undefined && sameData(previous, value)) return previous;
  return deepFreeze(JSON.parse(JSON.stringify(value)) as T);
}
