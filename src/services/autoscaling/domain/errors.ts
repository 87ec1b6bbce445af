// Auto Scaling's own error texts, in one place (sources in FIDELITY.md, "EC2 Auto Scaling").
import { commonErrors } from "../../../protocol/errors.js";
import { AlreadyExistsFault, LimitExceededFault, ResourceInUseFault, ScalingActivityInProgressFault } from "../generated/errors.js";

const validation = commonErrors.validation;

export const asgErrors = {
  /** DeleteAutoScalingGroup's text, and the one other operations share. */
  groupNotFound: (name: string) => validation(`AutoScalingGroup name not found - AutoScalingGroup '${name}' not found`),
  /** UpdateAutoScalingGroup, SetDesiredCapacity and scheduled actions name no group in their text. */
  groupNotFoundNull: () => validation("AutoScalingGroup name not found - null"),
  /** CreateOrUpdateTags and DeleteTags. */
  tagGroupNotFound: (name: string) => validation(`AutoScalingGroup not found - AutoScaling Group ${name} not found`),
  groupExists: (name: string) => new AlreadyExistsFault(`AutoScalingGroup by this name already exists - A group with the name ${name} already exists`),
  configurationExists: (name: string) => new AlreadyExistsFault(`Launch Configuration by this name already exists - A launch configuration already exists with the name ${name}`),
  configurationNotFound: (name: string) => validation(`Launch configuration name not found - Launch configuration ${name} not found`),
  configurationInUse: (name: string, group: string) => new ResourceInUseFault(`Cannot delete launch configuration ${name} because it is attached to AutoScalingGroup ${group}`),
  maxBelowMin: (max: number, min: number) => validation(`Max bound, ${max}, must be greater than or equal to min bound, ${min}`),
  desiredOutOfRange: (desired: number, min: number, max: number) => validation(`Desired capacity:${desired} must be between the specified min size:${min} and max size:${max}`),
  desiredAboveMax: (desired: number, max: number) => validation(`New SetDesiredCapacity value ${desired} is above max value ${max} for the AutoScalingGroup.`),
  desiredBelowMin: (desired: number, min: number) => validation(`New SetDesiredCapacity value ${desired} is below min value ${min} for the AutoScalingGroup.`),
  zoneInvalid: (zone: string) => validation(`Invalid availability zone: [${zone}]`),
  noZones: () => validation("At least one Availability Zone or VPC Subnet is required."),
  subnetNotFound: (id: string) => validation(`The subnet ID '${id}' does not exist`),
  zonesMismatch: () => validation("The availability zones of the specified subnets and the AutoScalingGroup do not match"),
  launchSource: () => validation("Valid requests must contain either LaunchTemplate, LaunchConfigurationName, InstanceId or MixedInstancesPolicy parameter."),
  launchTemplateIdOrName: () => validation("Valid requests must contain either launchTemplateId or LaunchTemplateName"),
  launchTemplate: (detail: string) => validation(`You must use a valid fully-formed launch template. ${detail}`),
  activityInProgress: (activityId: string) => new ScalingActivityInProgressFault(`Scaling activity ${activityId} is in progress and blocks this action`),
  deleteWithActivities: () => new ScalingActivityInProgressFault("You cannot delete an AutoScalingGroup while there are scaling activities in progress for that group."),
  deleteWithInstances: () => new ResourceInUseFault("You cannot delete an AutoScalingGroup while there are instances or pending Spot instance request(s) still in the group."),
  pendingDelete: (name: string) => validation(`AutoScalingGroup ${name} is pending delete.`),
  filterName: () => validation("Filter name must be specified."),
  limit: (message: string) => new LimitExceededFault(message),
  validation,
};
