import type { Handler } from "../context.js";
import { liveGroup } from "../domain/groups.js";
import { exitStandby as fromStandby, membersOf } from "../domain/membership.js";

/** Standby instances come back into service; the desired capacity grows by one for each. */
export const exitStandby: Handler<"ExitStandby"> = (input, ctx) => {
  const group = liveGroup(ctx.state, input.AutoScalingGroupName);
  const insts = membersOf(group, input.InstanceIds ?? [], ["Standby"], "exit Standby");
  return { Activities: fromStandby(ctx.backend, ctx.state, group, insts) };
};
