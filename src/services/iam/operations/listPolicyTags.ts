import type { Handler } from "../context.js";
import { page } from "../domain/paging.js";
import { findPolicy } from "../domain/policies.js";

/** AWS's own policies carry no tags here. */
export const listPolicyTags: Handler<"ListPolicyTags"> = (input, ctx) => {
  const p = findPolicy(ctx.state, input.PolicyArn);
  const { items, ...more } = page(p.kind === "local" ? p.record.tags : [], input.Marker, input.MaxItems);
  return { Tags: items.map((t) => ({ ...t })), ...more };
};
