import type { Handler } from "../context.js";
import { InvalidInput } from "../generated/errors.js";
import type { NamespaceFilter } from "../generated/types.js";
import type { NamespaceRecord } from "../store.js";
import { page } from "../domain/paging.js";
import { namespaceSummary } from "../domain/views.js";
import { discoveryName } from "../domain/instances.js";

function passes(ns: NamespaceRecord, f: NamespaceFilter, account: string): boolean {
  const value = f.Name === "TYPE" ? ns.namespace.Type! : f.Name === "NAME" ? ns.namespace.Name! : f.Name === "HTTP_NAME" ? discoveryName(ns) : account;
  const cond = f.Condition ?? "EQ";
  if (cond === "EQ") {
    if (f.Values.length !== 1) throw new InvalidInput("The EQ condition takes exactly one value.");
    return value === f.Values[0];
  }
  if (cond === "IN") return f.Values.includes(value);
  if (cond === "BEGINS_WITH") return f.Values.some((v) => value.startsWith(v));
  throw new InvalidInput(`The ${cond} condition is not supported for ${f.Name}.`);
}

export const listNamespaces: Handler<"ListNamespaces"> = (input, ctx) => {
  const { state } = ctx;
  const all = [...state.namespaces.values()].filter((ns) => (input.Filters ?? []).every((f) => passes(ns, f, state.accountId)));
  const p = page(all, input.MaxResults, input.NextToken);
  return { Namespaces: p.items.map((ns) => namespaceSummary(state, ns)), ...(p.NextToken ? { NextToken: p.NextToken } : {}) };
};
