import type { Handler } from "../context.js";
import { asgErrors } from "../domain/errors.js";
import { liveGroup } from "../domain/groups.js";
import { detach, membersOf } from "../domain/membership.js";

/** Instances leave the group and keep running; without the decrement the group replaces them. */
export const detachInstances: Handler<"DetachInstances"> = (input, ctx) => {
  const group = liveGroup(ctx.state, input.AutoScalingGroupName);
  const insts = membersOf(group, input.InstanceIds ?? [], ["InService", "Standby", "Pending", "Pending:Wait", "Pending:Proceed"], "be detached");
  const counted = insts.filter((i) => i.lifecycle !== "Standby").length;
  if (input.ShouldDecrementDesiredCapacity && group.desiredCapacity - counted < group.minSize) {
    throw asgErrors.validation(`The number of instances to detach would take the group's desired capacity below its minimum size (${group.minSize}). Either set ShouldDecrementDesiredCapacity to false or lower the group's min size.`);
  }
  return { Activities: detach(ctx.backend, ctx.state, group, insts, input.ShouldDecrementDesiredCapacity) };
};
