import type { Handler } from "../context.js";
import type { KeyPairRecord } from "../domain/computeState.js";
import { computeErrors } from "../domain/computeErrors.js";
import { checkFilters, matchesFilters, type FilterValues } from "../domain/filters.js";
import { keyPairById, keyPairView } from "../domain/keyPairs.js";

const FILTERS: FilterValues<KeyPairRecord> = {
  "key-pair-id": (r) => r.info.KeyPairId,
  "key-name": (r) => r.info.KeyName,
  fingerprint: (r) => r.info.KeyFingerprint,
  "key-type": (r) => r.info.KeyType,
};

export const describeKeyPairs: Handler<"DescribeKeyPairs"> = (input, ctx) => {
  const { state } = ctx;
  checkFilters(input.Filters, FILTERS);
  const chosen = new Set<KeyPairRecord>();
  for (const name of input.KeyNames ?? []) {
    const rec = state.keyPairs.get(name);
    if (!rec) throw computeErrors.keyPairNotFound(name);
    chosen.add(rec);
  }
  for (const id of input.KeyPairIds ?? []) {
    const rec = keyPairById(state, id);
    if (!rec) throw computeErrors.keyPairIdNotFound(id);
    chosen.add(rec);
  }
  const named = chosen.size > 0;
  const found = [...state.keyPairs.values()].filter((r) => (!named || chosen.has(r)) && matchesFilters(r, state.tags.get(r.info.KeyPairId), input.Filters, FILTERS));
  return { KeyPairs: found.map((r) => keyPairView(state, r, input.IncludePublicKey ?? false)) };
};
