import type { Handler } from "../context.js";
import { bySeq } from "../domain/entities.js";
import { awsManagedPolicies } from "../domain/managed/managedPolicy.js";
import { page } from "../domain/paging.js";
import { pathOf, policyView, usageOf, type ManagedPolicy } from "../domain/policies.js";

// AWS's policies come first, in AWS's order; the account's follow in creation order.
const AFTER_AWS = 1_000_000;
const keyOf = (p: ManagedPolicy): number => (p.kind === "aws" ? p.entry.index : AFTER_AWS + p.record.seq);

/** Scope All (the default), AWS or Local; each policy without its description and tags, as ListPolicies answers. */
export const listPolicies: Handler<"ListPolicies"> = (input, ctx) => {
  const { state } = ctx;
  const scope = input.Scope ?? "All";
  const all: ManagedPolicy[] = [
    ...(scope === "Local" ? [] : awsManagedPolicies().map((entry): ManagedPolicy => ({ kind: "aws", arn: entry.arn, entry }))),
    ...(scope === "AWS" ? [] : bySeq(state.policies.values()).map((record): ManagedPolicy => ({ kind: "local", arn: record.arn, record }))),
  ];
  const chosen = all.filter((p) => {
    const usage = usageOf(state, p);
    if (input.OnlyAttached && usage.attachments === 0) return false;
    if (input.PathPrefix !== undefined && !pathOf(p).startsWith(input.PathPrefix)) return false;
    if (input.PolicyUsageFilter === "PermissionsPolicy" && usage.attachments === 0) return false;
    return input.PolicyUsageFilter !== "PermissionsBoundary" || usage.boundaries > 0;
  });
  const { items, ...more } = page(chosen, input.Marker, input.MaxItems, keyOf);
  return { Policies: items.map((p) => policyView(state, p, true)), ...more };
};
