import { commonErrors } from "../../../protocol/errors.js";
import type { Handler } from "../context.js";
import { InstanceRefreshInProgressFault } from "../generated/errors.js";
import { liveGroup } from "../domain/groups.js";
import { launchSource } from "../domain/launchSource.js";
import { activeRefresh, preferencesOf, startRefresh } from "../domain/refresh.js";

/** A rolling replacement of the group's instances, toward the desired configuration when one is given. */
export const startInstanceRefresh: Handler<"StartInstanceRefresh"> = (input, ctx) => {
  const { state, backend } = ctx;
  const group = liveGroup(state, input.AutoScalingGroupName);
  if (activeRefresh(group)) throw new InstanceRefreshInProgressFault("An Instance Refresh is already in progress and blocks the execution of this Instance Refresh.");
  if ((input.Strategy ?? "Rolling") !== "Rolling") throw commonErrors.unsupported(`ecs-local does not support the ${input.Strategy} instance refresh strategy yet; use Rolling.`);
  const desired = input.DesiredConfiguration;
  const launch = desired?.LaunchTemplate || desired?.MixedInstancesPolicy ? launchSource(backend, state, { LaunchTemplate: desired.LaunchTemplate, MixedInstancesPolicy: desired.MixedInstancesPolicy }) : undefined;
  const rec = startRefresh(backend, state, group, preferencesOf(group, input.Preferences), launch, desired);
  return { InstanceRefreshId: rec.refresh.InstanceRefreshId };
};
