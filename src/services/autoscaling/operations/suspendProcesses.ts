import type { Handler } from "../context.js";
import { liveGroup } from "../domain/groups.js";
import { checkProcesses, PROCESSES } from "../domain/processes.js";
import { causeTime } from "../domain/time.js";

/** Suspended processes stop: Launch, Terminate, HealthCheck, ReplaceUnhealthy, ScheduledActions, AddToLoadBalancer… (all when none is named). */
export const suspendProcesses: Handler<"SuspendProcesses"> = (input, ctx) => {
  const group = liveGroup(ctx.state, input.AutoScalingGroupName);
  const names = input.ScalingProcesses?.length ? input.ScalingProcesses : PROCESSES;
  checkProcesses(names);
  for (const p of names) if (!group.suspended.has(p)) group.suspended.set(p, `User suspended at ${causeTime(ctx.backend.timeline.now())}`);
  return {};
};
