import type { Handler } from "../context.js";
import { InvalidInput } from "../generated/errors.js";
import type { ServiceFilter } from "../generated/types.js";
import type { ServiceRecord } from "../store.js";
import { idOf } from "../domain/ids.js";
import { page } from "../domain/paging.js";
import { serviceSummary } from "../domain/views.js";

function passes(sr: ServiceRecord, f: ServiceFilter, account: string): boolean {
  const value = f.Name === "NAMESPACE_ID" ? sr.service.NamespaceId! : account;
  const values = f.Name === "NAMESPACE_ID" ? f.Values.map(idOf) : f.Values;
  const cond = f.Condition ?? "EQ";
  if (cond === "EQ") {
    if (values.length !== 1) throw new InvalidInput("The EQ condition takes exactly one value.");
    return value === values[0];
  }
  if (cond === "IN") return values.includes(value);
  throw new InvalidInput(`The ${cond} condition is not supported for ${f.Name}.`);
}

export const listServices: Handler<"ListServices"> = (input, ctx) => {
  const { state } = ctx;
  const all = [...state.services.values()].filter((s) => (input.Filters ?? []).every((f) => passes(s, f, state.accountId)));
  const p = page(all, input.MaxResults, input.NextToken);
  return { Services: p.items.map(serviceSummary), ...(p.NextToken ? { NextToken: p.NextToken } : {}) };
};
