import type { Handler } from "../context.js";
import { asgErrors } from "../domain/errors.js";
import { liveGroup } from "../domain/groups.js";
import { changeDesired, checkCooldown, checkSetDesired } from "../domain/scaling.js";

/** With HonorCooldown, an activity in progress or a cooldown not yet over refuses the change. */
export const setDesiredCapacity: Handler<"SetDesiredCapacity"> = (input, ctx) => {
  const { state, backend } = ctx;
  const group = liveGroup(state, input.AutoScalingGroupName, asgErrors.groupNotFoundNull);
  checkSetDesired(group, input.DesiredCapacity);
  if (input.HonorCooldown) checkCooldown(backend, state, group);
  changeDesired(backend, state, group, input.DesiredCapacity, "a user request explicitly set group desired capacity");
  return {};
};
