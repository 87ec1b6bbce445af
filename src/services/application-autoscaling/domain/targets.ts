// Finding a registered target, or the error AWS gives for one that is not.
import { ObjectNotFoundException } from "../generated/errors.js";
import type { ApplicationAutoScalingBackend, ApplicationAutoScalingState, TargetRecord, TargetTimers } from "../context.js";
import { messages, type TargetRef } from "./messages.js";
import { checkTarget, targetKey } from "./resources.js";

export function findTarget(state: ApplicationAutoScalingState, ref: TargetRef): TargetRecord | undefined {
  return state.targets.get(targetKey(ref));
}

/** The target a policy or scheduled action is put on: ObjectNotFoundException when none is registered. */
export function registeredTarget(state: ApplicationAutoScalingState, ref: TargetRef): TargetRecord {
  checkTarget(ref);
  const rec = findTarget(state, ref);
  if (!rec) throw new ObjectNotFoundException(messages.noTarget(ref));
  return rec;
}

export function refOf(rec: TargetRecord): TargetRef {
  const t = rec.target;
  return { ServiceNamespace: t.ServiceNamespace, ResourceId: t.ResourceId, ScalableDimension: t.ScalableDimension };
}

/** The target whose ARN this is, in the caller's account and region. */
export function targetByArn(state: ApplicationAutoScalingState, arn: string): TargetRecord | undefined {
  for (const rec of state.targets.values()) if (rec.target.ScalableTargetARN === arn) return rec;
  return undefined;
}

/** Whether the record is still the registered target (a timer's target may have been deregistered or replaced). */
export function isCurrent(state: ApplicationAutoScalingState, rec: TargetRecord): boolean {
  return state.targets.get(targetKey(refOf(rec))) === rec;
}

export function timersOf(backend: ApplicationAutoScalingBackend, rec: TargetRecord): TargetTimers {
  let t = backend.targetTimers.get(rec);
  if (!t) backend.targetTimers.set(rec, (t = {}));
  return t;
}

/** Stops a deregistered target's timers and its scheduled actions'. */
export function stopTimers(backend: ApplicationAutoScalingBackend, rec: TargetRecord): void {
  const t = backend.targetTimers.get(rec);
  backend.timeline.cancel(t?.evaluation);
  backend.timeline.cancel(t?.watch);
  backend.targetTimers.delete(rec);
  for (const a of rec.actions.values()) {
    backend.timeline.cancel(backend.actionTimers.get(a));
    backend.actionTimers.delete(a);
  }
}

/** A target whose ECS service was deleted goes with it, its policies and scheduled actions too. */
export function forget(backend: ApplicationAutoScalingBackend, state: ApplicationAutoScalingState, rec: TargetRecord): void {
  stopTimers(backend, rec);
  state.targets.delete(targetKey(refOf(rec)));
}
