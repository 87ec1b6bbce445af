import type { Handler } from "../context.js";
import { MAX_GROUPS } from "./createAutoScalingGroup.js";

/** AWS's default quotas per region: 500 groups, 200 launch configurations. */
export const describeAccountLimits: Handler<"DescribeAccountLimits"> = (_input, ctx) => ({
  MaxNumberOfAutoScalingGroups: MAX_GROUPS,
  MaxNumberOfLaunchConfigurations: 200,
  NumberOfAutoScalingGroups: ctx.state.groups.size,
  NumberOfLaunchConfigurations: ctx.state.launchConfigurations.size,
});
