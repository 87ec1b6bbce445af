import type { Handler } from "../context.js";
import { asgErrors } from "../domain/errors.js";
import { liveGroup } from "../domain/groups.js";
import { enterStandby as toStandby, membersOf } from "../domain/membership.js";

/** InService instances leave service (and their target groups); without the decrement the group replaces them. */
export const enterStandby: Handler<"EnterStandby"> = (input, ctx) => {
  const group = liveGroup(ctx.state, input.AutoScalingGroupName);
  const insts = membersOf(group, input.InstanceIds ?? [], ["InService"], "enter Standby");
  if (input.ShouldDecrementDesiredCapacity && group.desiredCapacity - insts.length < group.minSize) {
    throw asgErrors.validation(`Moving ${insts.length} instance(s) to Standby would take the group's desired capacity below its minimum size (${group.minSize}). Either set ShouldDecrementDesiredCapacity to false or lower the group's min size.`);
  }
  return { Activities: toStandby(ctx.backend, ctx.state, group, insts, input.ShouldDecrementDesiredCapacity) };
};
