// ListSecrets and BatchGetSecretValue filters. name, tag-key, tag-value and primary-region match
// the beginning of a value, case-sensitive; owning-service the beginning, not case-sensitive;
// description and all split the filter value into words, each of which must begin a word of the
// description (all: of the name, description, tag keys and values), not case-sensitive. A value
// starting with `!` matches what the rest does not; the values of a filter are alternatives, and
// filters (the same key twice too) must all match.
import type { Filter } from "../generated/types.js";
import type { SecretRecord } from "../store.js";
import { invalidParameter } from "./messages.js";

/**
 * Words as Secrets Manager's search splits them: at anything but letters and digits, where lower
 * case turns to upper (myTest), before the last capital of a run followed by lower case
 * (COMPANYthings: COMPAN, Ythings), and between letters and digits.
 */
export function words(text: string): string[] {
  return text.match(/\p{Lu}?\p{Ll}+|\p{Lu}+(?!\p{Ll})|\p{Lo}+|\p{N}+/gu) ?? [];
}

function beginsWord(pattern: string, values: string[]): boolean {
  const wanted = words(pattern).map((w) => w.toLowerCase());
  if (wanted.length === 0) return false;
  const have = values.flatMap(words).map((w) => w.toLowerCase());
  return wanted.every((w) => have.some((h) => h.startsWith(w)));
}

type Matcher = (pattern: string, secret: SecretRecord, region: string) => boolean;

const prefix = (values: (s: SecretRecord, region: string) => string[]): Matcher => (pattern, s, region) => values(s, region).some((v) => v.startsWith(pattern));
const tagKeys = (s: SecretRecord): string[] => (s.tags ?? []).map((t) => t.Key!);
const tagValues = (s: SecretRecord): string[] => (s.tags ?? []).map((t) => t.Value ?? "");

const MATCHERS: Record<string, Matcher> = {
  name: prefix((s) => [s.name]),
  "tag-key": prefix(tagKeys),
  "tag-value": prefix(tagValues),
  "primary-region": prefix((s, region) => [s.primary?.region ?? region]),
  // No secret here is managed by another service.
  "owning-service": () => false,
  description: (pattern, s) => beginsWord(pattern, s.description ? [s.description] : []),
  all: (pattern, s) => beginsWord(pattern, [s.name, ...(s.description ? [s.description] : []), ...tagKeys(s), ...tagValues(s)]),
};

/** Refuses filters without a key or values, before anything is listed. */
export function checkFilters(filters: Filter[]): void {
  for (const f of filters) {
    if (f.Key === undefined) throw invalidParameter("Invalid filter key");
    if (!f.Values?.length) throw invalidParameter(`Invalid filter values for key: ${f.Key}`);
  }
}

export function matchesFilters(secret: SecretRecord, filters: Filter[], region: string): boolean {
  return filters.every((f) => {
    const match = MATCHERS[f.Key!];
    return f.Values!.some((v) => (v.startsWith("!") ? !match(v.slice(1), secret, region) : match(v, secret, region)));
  });
}
