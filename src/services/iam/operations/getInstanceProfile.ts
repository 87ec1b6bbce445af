import type { Handler } from "../context.js";
import { findInstanceProfile, instanceProfileView } from "../domain/instanceProfiles.js";

export const getInstanceProfile: Handler<"GetInstanceProfile"> = (input, ctx) => ({
  InstanceProfile: instanceProfileView(ctx.state, findInstanceProfile(ctx.state, input.InstanceProfileName), true),
});
