import type { Handler } from "../context.js";
import { page } from "../domain/paging.js";
import { findPolicy, versionsOf, versionView } from "../domain/policies.js";

/** Newest first, without their documents. */
export const listPolicyVersions: Handler<"ListPolicyVersions"> = (input, ctx) => {
  const versions = versionsOf(findPolicy(ctx.state, input.PolicyArn)).reverse();
  const { items, ...more } = page(versions, input.Marker, input.MaxItems);
  return { Versions: items.map((v) => versionView(v, false)), ...more };
};
