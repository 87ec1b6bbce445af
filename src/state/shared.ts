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
