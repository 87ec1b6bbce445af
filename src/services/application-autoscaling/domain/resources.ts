// Scalable targets are named by three parts: a service namespace, a resource id and a scalable
// dimension. ecs-local scales ECS services, `service/<cluster>/<service>` on ecs:service:DesiredCount.
import { ValidationException } from "../generated/errors.js";
import type { ApplicationAutoScalingState } from "../context.js";
import { messages, type TargetRef } from "./messages.js";

export const ECS_DIMENSION = "ecs:service:DesiredCount";

export interface EcsResource {
  /** A cluster name, or an ARN (the CDK writes an imported cluster's ARN into the id). */
  cluster: string;
  service: string;
}

/** The cluster and service of `service/<cluster>/<service>`; undefined for any other id. */
export function ecsResource(resourceId: string): EcsResource | undefined {
  const m = /^service\/(.+)\/([^/]+)$/.exec(resourceId);
  return m ? { cluster: m[1], service: m[2] } : undefined;
}

/** Refuses a namespace, resource id and dimension that do not belong together, as AWS does. */
export function checkTarget(ref: TargetRef): void {
  const [dimNamespace] = ref.ScalableDimension.split(":");
  const ok = dimNamespace === ref.ServiceNamespace && (ref.ServiceNamespace !== "ecs" || (ref.ScalableDimension === ECS_DIMENSION && ecsResource(ref.ResourceId) !== undefined));
  if (!ok) throw new ValidationException(messages.unsupportedTarget);
}

/** A dimension given to narrow a listing must be one of the namespace's. */
export function checkDimensionFilter(namespace: string, dimension: string | undefined): void {
  if (dimension !== undefined && dimension.split(":")[0] !== namespace) throw new ValidationException(messages.unsupportedTarget);
}

export const targetKey = (ref: TargetRef): string => `${ref.ServiceNamespace}|${ref.ResourceId}|${ref.ScalableDimension}`;

/** `scalable-target/` and 36 characters, as the API reference's example; ECS's begin 0ec5. */
export function scalableTargetArn(state: ApplicationAutoScalingState, id: string): string {
  return `arn:aws:application-autoscaling:${state.region}:${state.accountId}:scalable-target/0ec5${id.replace(/-/g, "")}`;
}

/** The service-linked role Application Auto Scaling uses for ECS services, whatever RoleARN says. */
export function ecsServiceLinkedRole(accountId: string): string {
  return `arn:aws:iam::${accountId}:role/aws-service-role/ecs.application-autoscaling.amazonaws.com/AWSServiceRoleForApplicationAutoScaling_ECSService`;
}

export function policyArn(state: ApplicationAutoScalingState, targetId: string, ref: TargetRef, name: string): string {
  return `arn:aws:autoscaling:${state.region}:${state.accountId}:scalingPolicy:${targetId}:resource/${ref.ServiceNamespace}/${ref.ResourceId}:policyName/${name}`;
}

export function scheduledActionArn(state: ApplicationAutoScalingState, targetId: string, ref: TargetRef, name: string): string {
  return `arn:aws:autoscaling:${state.region}:${state.accountId}:scheduledAction:${targetId}:resource/${ref.ServiceNamespace}/${ref.ResourceId}:scheduledActionName/${name}`;
}

export function alarmArn(state: ApplicationAutoScalingState, name: string): string {
  return `arn:aws:cloudwatch:${state.region}:${state.accountId}:alarm:${name}`;
}
