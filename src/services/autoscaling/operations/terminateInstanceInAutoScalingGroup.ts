import type { Handler } from "../context.js";
import { at, findActivity } from "../domain/activities.js";
import { asgErrors } from "../domain/errors.js";
import { counts, groupOfInstance, isTerminating } from "../domain/groups.js";
import { beginTermination } from "../domain/lifecycle.js";
import { scheduleReconcile } from "../domain/reconcile.js";

/** Terminates one instance; without the decrement the group launches a replacement. */
export const terminateInstanceInAutoScalingGroup: Handler<"TerminateInstanceInAutoScalingGroup"> = (input, ctx) => {
  const { state, backend } = ctx;
  const group = groupOfInstance(state, input.InstanceId);
  const inst = group.instances.get(input.InstanceId)!;
  if (isTerminating(inst)) return { Activity: { ...findActivity(state, inst.activityId)! } };
  const decrement = input.ShouldDecrementDesiredCapacity && counts(inst);
  if (decrement && group.desiredCapacity <= group.minSize) {
    throw asgErrors.validation(`Currently, desiredSize equals minSize (${group.minSize}). Terminating instance without replacement will violate group's min size constraint. Either set shouldDecrementDesiredCapacity flag to false or lower group's min size.`);
  }
  const from = group.desiredCapacity;
  if (decrement) group.desiredCapacity--;
  const shrink = decrement ? `, shrinking the capacity from ${from} to ${from - 1}` : "";
  beginTermination(backend, state, group, inst, { cause: at(backend.timeline.now(), `instance ${inst.instanceId} was taken out of service in response to a user request${shrink}.`) });
  scheduleReconcile(backend, state, group);
  return { Activity: { ...findActivity(state, inst.activityId)! } };
};
