import type { Handler } from "../context.js";
import { liveGroup } from "../domain/groups.js";
import { recheck } from "../domain/health.js";
import { checkProcesses, PROCESSES } from "../domain/processes.js";
import { scheduleReconcile } from "../domain/reconcile.js";
import { rearmSchedule } from "../domain/schedule.js";
import { registerAll, targetGroupArns } from "../domain/targets.js";

/** Resumed processes pick up what waited: launches, terminations, health checks and replacements. */
export const resumeProcesses: Handler<"ResumeProcesses"> = (input, ctx) => {
  const { state, backend } = ctx;
  const group = liveGroup(state, input.AutoScalingGroupName);
  const names = input.ScalingProcesses?.length ? input.ScalingProcesses : PROCESSES;
  checkProcesses(names);
  const addToLoadBalancer = names.includes("AddToLoadBalancer") && group.suspended.has("AddToLoadBalancer");
  for (const p of names) group.suspended.delete(p);
  if (addToLoadBalancer) registerAll(backend, state, group, targetGroupArns(group), true);
  recheck(backend, state, group);
  rearmSchedule(backend, state, group);
  scheduleReconcile(backend, state, group);
  return {};
};
