// What a lifecycle hook may say: one of the two transitions, a heartbeat of 30 s to 2 h, CONTINUE or ABANDON.
import { asgErrors } from "./errors.js";

export const TRANSITIONS = ["autoscaling:EC2_INSTANCE_LAUNCHING", "autoscaling:EC2_INSTANCE_TERMINATING"];

export interface HookFields {
  LifecycleTransition?: string;
  HeartbeatTimeout?: number;
  DefaultResult?: string;
}

export function checkHook(h: HookFields): void {
  if (h.LifecycleTransition !== undefined && !TRANSITIONS.includes(h.LifecycleTransition)) {
    throw asgErrors.validation(`Invalid Lifecycle Transition: ${h.LifecycleTransition}. Valid transitions are: ${TRANSITIONS.join(", ")}`);
  }
  if (h.HeartbeatTimeout !== undefined && (h.HeartbeatTimeout < 30 || h.HeartbeatTimeout > 7200)) {
    throw asgErrors.validation(`Heartbeat timeout must be between 30 and 7200 seconds, but was ${h.HeartbeatTimeout}.`);
  }
  if (h.DefaultResult !== undefined && h.DefaultResult !== "CONTINUE" && h.DefaultResult !== "ABANDON") {
    throw asgErrors.validation(`Invalid default result: ${h.DefaultResult}. Valid results are: CONTINUE, ABANDON`);
  }
}
