import { commonErrors } from "../../../protocol/errors.js";
import type { GroupRecord, Handler } from "../context.js";
import { groupArn } from "../domain/arns.js";
import { asgErrors } from "../domain/errors.js";
import { hookDefaults } from "../domain/hooks.js";
import { launchSource } from "../domain/launchSource.js";
import { placement } from "../domain/network.js";
import { changeDesired, checkBounds } from "../domain/scaling.js";
import { checkTargetGroups, normalizeTrafficSources } from "../domain/targets.js";
import { describeTag } from "../domain/tags.js";
import { checkHook } from "../domain/hookInput.js";
import { ECHOED, checkTerminationPolicies } from "../domain/groupInput.js";

export const MAX_GROUPS = 500;

/** Checks everything first (a refused request creates nothing); the reconciler launches at the next turn. */
export const createAutoScalingGroup: Handler<"CreateAutoScalingGroup"> = (input, ctx) => {
  const { state, backend } = ctx;
  const name = input.AutoScalingGroupName;
  if (state.groups.has(name)) throw asgErrors.groupExists(name);
  if (state.groups.size >= MAX_GROUPS) throw asgErrors.limit(`You have reached your quota of ${MAX_GROUPS} Auto Scaling groups.`);
  const launch = launchSource(backend, state, input);
  const desired = input.DesiredCapacity ?? input.MinSize;
  checkBounds(input.MinSize, input.MaxSize, desired);
  if (input.LoadBalancerNames?.length) throw commonErrors.unsupported("ecs-local does not serve Classic Load Balancers (LoadBalancerNames) yet; attach ELBv2 target groups (TargetGroupARNs) instead.");
  const where = placement(backend, state, input.VPCZoneIdentifier, input.AvailabilityZones);
  const sources = normalizeTrafficSources([...(input.TargetGroupARNs ?? []).map((Identifier) => ({ Identifier, Type: "elbv2" })), ...(input.TrafficSources ?? [])]);
  checkTargetGroups(backend, state, sources.map((s) => s.Identifier));
  checkTerminationPolicies(input.TerminationPolicies);
  for (const h of input.LifecycleHookSpecificationList ?? []) checkHook(h);
  for (const t of input.Tags ?? []) if (t.ResourceType !== undefined && t.ResourceType !== "auto-scaling-group") throw asgErrors.validation(`Invalid resource type: ${t.ResourceType}`);

  const extra: Record<string, unknown> = {};
  for (const key of ECHOED) if (input[key] !== undefined) extra[key] = structuredClone(input[key]);
  const group: GroupRecord = {
    name,
    arn: groupArn(state, backend.ids.uuid(), name),
    createdTime: ctx.now(),
    launch,
    minSize: input.MinSize,
    maxSize: input.MaxSize,
    desiredCapacity: 0,
    defaultCooldown: input.DefaultCooldown ?? 300,
    healthCheckType: input.HealthCheckType ?? "EC2",
    healthCheckGracePeriod: input.HealthCheckGracePeriod ?? 0,
    availabilityZones: where.availabilityZones,
    subnets: where.subnets,
    trafficSources: sources.filter((s, i) => sources.findIndex((x) => x.Identifier === s.Identifier) === i),
    terminationPolicies: input.TerminationPolicies ?? ["Default"],
    newInstancesProtectedFromScaleIn: input.NewInstancesProtectedFromScaleIn ?? false,
    capacityRebalance: input.CapacityRebalance ?? false,
    serviceLinkedRoleARN: input.ServiceLinkedRoleARN ?? `arn:aws:iam::${state.accountId}:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling`,
    extra,
    tags: [],
    instances: new Map(),
    suspended: new Map(),
    hooks: new Map(),
    policies: new Map(),
    scheduled: new Map(),
    enabledMetrics: [],
    refreshes: [],
    refreshLaunches: 0,
    deleting: false,
    replacements: 0,
    cooldownArmed: false,
    pendingCooldown: 0,
    cooldownUntil: 0,
    retryAt: 0,
    retryDelay: 0,
    seq: 0,
  };
  for (const t of input.Tags ?? []) {
    const i = group.tags.findIndex((x) => x.Key === t.Key);
    if (i >= 0) group.tags[i] = describeTag(name, t);
    else group.tags.push(describeTag(name, t));
  }
  if (group.tags.length > 50) throw asgErrors.limit(`The number of tags specified (${group.tags.length}) is greater than the maximum allowed (50).`);
  for (const h of input.LifecycleHookSpecificationList ?? []) group.hooks.set(h.LifecycleHookName, hookDefaults({ ...h, AutoScalingGroupName: name }));
  state.groups.set(name, group);
  changeDesired(backend, state, group, desired, "a user request created an AutoScalingGroup");
  return {};
};
