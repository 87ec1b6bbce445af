import type { Handler } from "../context.js";
import { listEntry } from "../domain/describe.js";
import { checkFilters, matchesFilters } from "../domain/filters.js";
import { page } from "../domain/pagination.js";
import type { SecretRecord } from "../store.js";

type SortKey = (s: SecretRecord) => number | string;

const SORT_KEYS: Record<string, SortKey> = {
  "created-date": (s) => s.createdDate,
  "last-accessed-date": (s) => s.lastAccessedDate ?? 0,
  "last-changed-date": (s) => s.lastChangedDate,
  name: (s) => s.name,
};

export const listSecrets: Handler<"ListSecrets"> = (input, ctx) => {
  const { state } = ctx;
  const filters = input.Filters ?? [];
  checkFilters(filters);
  const key = SORT_KEYS[input.SortBy ?? "created-date"];
  const sign = input.SortOrder === "desc" ? -1 : 1;
  // Ties keep the order the secrets were created in (reversed for desc).
  const all = [...state.secrets.values()]
    .map((s, i) => ({ s, i }))
    .filter(({ s }) => (input.IncludePlannedDeletion || s.deletedDate === undefined) && matchesFilters(s, filters, state.region))
    .sort((a, b) => {
      const ka = key(a.s);
      const kb = key(b.s);
      return sign * (ka < kb ? -1 : ka > kb ? 1 : a.i - b.i);
    })
    .map(({ s }) => s);
  const p = page(all, input.NextToken, input.MaxResults ?? 100);
  return { SecretList: p.items.map((s) => listEntry(s, state.region)), ...(p.nextToken ? { NextToken: p.nextToken } : {}) };
};
