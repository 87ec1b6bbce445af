// Application Auto Scaling as the console reads it for an ECS service: its scalable target, the
// target's policies and scheduled actions, and its recent scaling activities.
import type { OperationIO } from "../../services/application-autoscaling/generated/operations.js";
import { SIGNING_NAME, TARGET_PREFIX } from "../../services/application-autoscaling/generated/operations.js";
import type { ScalableTarget, ScalingActivity, ScalingPolicy, ScheduledAction } from "../../services/application-autoscaling/generated/types.js";
import { JsonApi, type Where } from "./api.js";

export type AppScaling = JsonApi<OperationIO>;

export function appScalingClient(where: Where): AppScaling {
  return new JsonApi<OperationIO>(where, SIGNING_NAME, TARGET_PREFIX);
}

export interface ServiceScaling {
  target?: ScalableTarget;
  policies: ScalingPolicy[];
  scheduled: ScheduledAction[];
  activities: ScalingActivity[];
}

/** How many of the newest activities the service page shows. */
export const RECENT_ACTIVITIES = 10;

const DIMENSION: ScalableTarget["ScalableDimension"] = "ecs:service:DesiredCount";

/**
 * The service's target, found by either form of its ResourceId: `service/<cluster name>/<service>`,
 * or with the cluster's ARN as an imported cluster's CDK code registers it.
 */
export async function serviceScaling(as: AppScaling, clusterName: string, clusterArn: string | undefined, service: string): Promise<ServiceScaling> {
  const ids = [`service/${clusterName}/${service}`, ...(clusterArn ? [`service/${clusterArn}/${service}`] : [])];
  const targets = await as.all("DescribeScalableTargets", { ServiceNamespace: "ecs", ScalableDimension: DIMENSION, ResourceIds: ids }, "ScalableTargets");
  const target = targets[0];
  if (!target) return { policies: [], scheduled: [], activities: [] };
  const of = { ServiceNamespace: "ecs" as const, ResourceId: target.ResourceId, ScalableDimension: DIMENSION };
  const [policies, scheduled, recent] = await Promise.all([
    as.all("DescribeScalingPolicies", of, "ScalingPolicies"),
    as.all("DescribeScheduledActions", of, "ScheduledActions"),
    as.call("DescribeScalingActivities", { ...of, MaxResults: RECENT_ACTIVITIES }),
  ]);
  return { target, policies, scheduled, activities: recent.ScalingActivities ?? [] };
}
