// The dispatch table (written by `npm run handlers -- application-autoscaling` from the operation files present):
// every generated operation, each with its handler or null while ecs-local lacks it.
import type { Handlers } from "../context.js";
import { deleteScalingPolicy } from "./deleteScalingPolicy.js";
import { deleteScheduledAction } from "./deleteScheduledAction.js";
import { deregisterScalableTarget } from "./deregisterScalableTarget.js";
import { describeScalableTargets } from "./describeScalableTargets.js";
import { describeScalingActivities } from "./describeScalingActivities.js";
import { describeScalingPolicies } from "./describeScalingPolicies.js";
import { describeScheduledActions } from "./describeScheduledActions.js";
import { listTagsForResource } from "./listTagsForResource.js";
import { putScalingPolicy } from "./putScalingPolicy.js";
import { putScheduledAction } from "./putScheduledAction.js";
import { registerScalableTarget } from "./registerScalableTarget.js";
import { tagResource } from "./tagResource.js";
import { untagResource } from "./untagResource.js";

export const handlers: Handlers = {
  DeleteScalingPolicy: deleteScalingPolicy,
  DeleteScheduledAction: deleteScheduledAction,
  DeregisterScalableTarget: deregisterScalableTarget,
  DescribeScalableTargets: describeScalableTargets,
  DescribeScalingActivities: describeScalingActivities,
  DescribeScalingPolicies: describeScalingPolicies,
  DescribeScheduledActions: describeScheduledActions,
  GetPredictiveScalingForecast: null,
  ListTagsForResource: listTagsForResource,
  PutScalingPolicy: putScalingPolicy,
  PutScheduledAction: putScheduledAction,
  RegisterScalableTarget: registerScalableTarget,
  TagResource: tagResource,
  UntagResource: untagResource,
};
