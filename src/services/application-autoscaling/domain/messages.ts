// Application Auto Scaling's texts, each as AWS writes it where a source was found (FIDELITY notes:
// FIDELITY.md, "Application Auto Scaling" says which were found and which are ecs-local's own).

export interface TargetRef {
  ServiceNamespace: string;
  ResourceId: string;
  ScalableDimension: string;
}

const triple = (t: TargetRef): string => `service namespace: ${t.ServiceNamespace}, resource ID: ${t.ResourceId}, scalable dimension: ${t.ScalableDimension}`;

export const messages = {
  unsupportedTarget: "Unsupported service namespace, resource type or scalable dimension",
  /** PutScalingPolicy, PutScheduledAction, DeleteScheduledAction on a target never registered. */
  noTarget: (t: TargetRef) => `No scalable target registered for ${triple(t)}`,
  /** DeregisterScalableTarget of a target never registered. */
  targetNotFound: (t: TargetRef) => `No scalable target found for ${triple(t)}`,
  policyNotFound: (t: TargetRef, name: string) => `No scaling policy found for ${triple(t)}, policy name: ${name}`,
  actionNotFound: (t: TargetRef, name: string) => `No scheduled action found for ${triple(t)}, scheduled action name: ${name}`,
  serviceMissing: (resourceId: string) => `ECS service doesn't exist: ${resourceId}`,
  otherNamespace: (ns: string) => `ecs-local does not support scalable targets in service namespace ${ns} yet: it scales ECS services (ecs:service:DesiredCount).`,
  minRequired: "MinCapacity is required for registering a new scalable target",
  maxRequired: "MaxCapacity is required for registering a new scalable target",
  minNegative: "Minimum capacity cannot be less than 0",
  minAboveMax: (min: number, max: number) => `Minimum capacity (${min}) cannot be greater than maximum capacity (${max})`,
  tagsOnExisting: "The scalable target that you tried to tag already exists. To update tags on an existing scalable target, use the TagResource API.",
  actionCapacityRequired: "At least one of minimum capacity and maximum capacity should be provided",
  scheduleRequired: "Schedule is required for creating a new scheduled action",
  badSchedule: (schedule: string) => `Invalid schedule expression: ${schedule}`,
  badTimezone: (zone: string) => `Invalid timezone: ${zone}`,
  startAfterEnd: "StartTime must be before EndTime",
  policyTypeChange: "You cannot change a TargetTrackingScaling policy to a non TargetTrackingScaling policy, or vice versa",
  oneTrackingPerMetric: "Only one TargetTrackingScaling policy for a given metric specification is allowed.",
  resourceLabelRequired: "Resource label should be specified for predefined metric type ALBRequestCountPerTarget",
  badResourceLabel: (label: string) => `Invalid resource label ${label} for predefined metric type ALBRequestCountPerTarget`,
  resourceLabelNotAllowed: (type: string) => `Resource label is not supported for predefined metric type ${type}`,
  metricNotForEcs: (type: string) => `Unsupported predefined metric type ${type} for scalable dimension ecs:service:DesiredCount`,
  oneMetric: "Exactly one of PredefinedMetricSpecification and CustomizedMetricSpecification must be specified",
  trackingConfigRequired: "TargetTrackingScalingPolicyConfiguration is required for a TargetTrackingScaling policy",
  stepConfigRequired: "StepScalingPolicyConfiguration is required for a StepScaling policy",
  predictiveConfigRequired: "PredictiveScalingPolicyConfiguration is required for a PredictiveScaling policy",
  policyTypeRequired: "PolicyType is required for creating a new scaling policy",
  customMetric: "A customized metric must specify Metrics, or MetricName, Namespace and Statistic",
  stepBothNull: "The upper and lower bound of a step adjustment cannot both be null",
  stepUpperBelowLower: "The upper bound of a step adjustment must be greater than its lower bound",
  stepGapOrOverlap: "The ranges of step adjustments cannot overlap or have a gap",
  stepNullLower: "A step adjustment with a negative lower bound requires a step adjustment with a null lower bound",
  stepNullUpper: "A step adjustment with a positive upper bound requires a step adjustment with a null upper bound",
  exactCapacityNegative: "ScalingAdjustment cannot be negative for ExactCapacity",
  adjustmentTypeRequired: "AdjustmentType is required for a StepScaling policy",
  stepAdjustmentsRequired: "StepAdjustments are required for a StepScaling policy",
  tooManySteps: "The number of step adjustments cannot exceed 20",
  tooManyPolicies: "The maximum number of scaling policies (50) for this scalable target has been reached",
  tooManyActions: "The maximum number of scheduled actions (200) for this scalable target has been reached",
  tooManyTargets: "The maximum number of scalable targets (3000) for service namespace ecs has been reached",
  tooManyTags: "The number of tags on a scalable target cannot exceed 50",
  arnNotFound: (arn: string) => `Scalable target not found: ${arn}`,
  badNextToken: "Invalid NextToken",
  badMaxResults: (max: number) => `MaxResults must be between 1 and ${max}`,
  utilizationNames: "cluster and service must name the ECS service",
  utilizationValues: "cpu and/or memory must be given, as percentages of 0 or more",
  utilizationTasks: "tasks must be a positive whole number",
};
