// Describe* filters: each operation says which names it knows and what values a resource has for
// each; `tag:<key>`, `tag-key` and `tag-value` work for every resource with tags. A resource matches
// when every filter has a value among its own; values may use `*` and `?` wildcards.
import type { Filter, Tag } from "../generated/types.js";
import { ec2Errors } from "./errors.js";

export type FilterValues<T> = Record<string, (item: T) => (string | number | boolean | undefined)[] | string | number | boolean | undefined>;

const patterns = new Map<string, RegExp>();

function pattern(value: string): RegExp {
  let re = patterns.get(value);
  if (!re) {
    const body = value.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".");
    re = new RegExp(`^${body}$`, "s");
    if (patterns.size > 1000) patterns.clear();
    patterns.set(value, re);
  }
  return re;
}

function tagValues(name: string, tags: Tag[] | undefined): string[] | undefined {
  if (name.startsWith("tag:")) return (tags ?? []).filter((t) => t.Key === name.slice(4)).map((t) => t.Value ?? "");
  if (name === "tag-key") return (tags ?? []).map((t) => t.Key ?? "");
  if (name === "tag-value") return (tags ?? []).map((t) => t.Value ?? "");
  return undefined;
}

/** Checks every filter name is known, before anything is looked at. */
export function checkFilters<T>(filters: Filter[] | undefined, known: FilterValues<T>, taggable = true): void {
  for (const f of filters ?? []) {
    const name = f.Name ?? "";
    if (Object.hasOwn(known, name)) continue;
    if (taggable && (name.startsWith("tag:") || name === "tag-key" || name === "tag-value")) continue;
    throw ec2Errors.filter(name);
  }
}

export function matchesFilters<T>(item: T, tags: Tag[] | undefined, filters: Filter[] | undefined, known: FilterValues<T>): boolean {
  for (const f of filters ?? []) {
    const name = f.Name ?? "";
    const raw = Object.hasOwn(known, name) ? known[name](item) : tagValues(name, tags);
    const have = (Array.isArray(raw) ? raw : [raw]).filter((v) => v !== undefined).map(String);
    const wanted = f.Values ?? [];
    if (!wanted.some((w) => have.some((h) => pattern(w).test(h)))) return false;
  }
  return true;
}
