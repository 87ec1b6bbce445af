import type { Handler } from "../context.js";
import { bySeq, underPath } from "../domain/entities.js";
import { instanceProfileView } from "../domain/instanceProfiles.js";
import { page } from "../domain/paging.js";

/** In creation order, without their tags, as ListInstanceProfiles answers. */
export const listInstanceProfiles: Handler<"ListInstanceProfiles"> = (input, ctx) => {
  const profiles = underPath(bySeq(ctx.state.instanceProfiles.values()), input.PathPrefix);
  const { items, ...more } = page(profiles, input.Marker, input.MaxItems, (p) => p.seq);
  return { InstanceProfiles: items.map((p) => instanceProfileView(ctx.state, p, false)), ...more };
};
