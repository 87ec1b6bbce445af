// The dispatch table (written by `npm run handlers -- application-autoscaling` from the operation files present):
// every generated operation, each with its handler or null while ecs-local lacks it.
import type { Handlers } from "../context.js";

export const handlers: Handlers = {
  DeleteScalingPolicy: null,
  DeleteScheduledAction: null,
  DeregisterScalableTarget: null,
  DescribeScalableTargets: null,
  DescribeScalingActivities: null,
  DescribeScalingPolicies: null,
  DescribeScheduledActions: null,
  GetPredictiveScalingForecast: null,
  ListTagsForResource: null,
  PutScalingPolicy: null,
  PutScheduledAction: null,
  RegisterScalableTarget: null,
  TagResource: null,
  UntagResource: null,
};
