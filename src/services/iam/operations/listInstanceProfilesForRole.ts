import type { Handler } from "../context.js";
import { bySeq, keyOf } from "../domain/entities.js";
import { instanceProfileView, profilesOfRole } from "../domain/instanceProfiles.js";
import { page } from "../domain/paging.js";
import { findRole } from "../domain/roles.js";

export const listInstanceProfilesForRole: Handler<"ListInstanceProfilesForRole"> = (input, ctx) => {
  const role = findRole(ctx.state, input.RoleName);
  const profiles = bySeq(profilesOfRole(ctx.state, keyOf(role.name)));
  const { items, ...more } = page(profiles, input.Marker, input.MaxItems, (p) => p.seq);
  return { InstanceProfiles: items.map((p) => instanceProfileView(ctx.state, p, false)), ...more };
};
