// ARNs of Auto Scaling's resources: `arn:aws:autoscaling:<region>:<account>:<type>:<uuid>:<kind>Name/<name>…`.
import type { AutoScalingState } from "../context.js";

const prefix = (state: AutoScalingState) => `arn:aws:autoscaling:${state.region}:${state.accountId}`;

export function groupArn(state: AutoScalingState, uuid: string, name: string): string {
  return `${prefix(state)}:autoScalingGroup:${uuid}:autoScalingGroupName/${name}`;
}

export function launchConfigurationArn(state: AutoScalingState, uuid: string, name: string): string {
  return `${prefix(state)}:launchConfiguration:${uuid}:launchConfigurationName/${name}`;
}

export function policyArn(state: AutoScalingState, uuid: string, group: string, name: string): string {
  return `${prefix(state)}:scalingPolicy:${uuid}:autoScalingGroupName/${group}:policyName/${name}`;
}

export function scheduledActionArn(state: AutoScalingState, uuid: string, group: string, name: string): string {
  return `${prefix(state)}:scheduledUpdateGroupAction:${uuid}:autoScalingGroupName/${group}:scheduledActionName/${name}`;
}

/** The group name an ARN names, or the argument itself when it is a name. */
export function groupNameOf(nameOrArn: string): string {
  const m = /^arn:aws[\w-]*:autoscaling:[^:]*:\d*:autoScalingGroup:[^:]*:autoScalingGroupName\/(.+)$/.exec(nameOrArn);
  return m ? m[1] : nameOrArn;
}
