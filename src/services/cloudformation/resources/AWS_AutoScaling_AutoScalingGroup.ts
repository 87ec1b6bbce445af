// AWS::AutoScaling::AutoScalingGroup: Ref is the group's name. Creation waits until the group has
// its desired capacity InService, as CloudFormation does; sizes, launch settings, subnets, target
// groups and tags update in place (UpdateAutoScalingGroup and the tag and target-group operations);
// the name replaces. Deleting force-deletes the group and waits until it is gone.
import { toInput } from "./shape.js";
import { withStackTags, type Progress, type ProviderContext, type ResourceProvider } from "./provider.js";
import type { ResourceRecord } from "../context.js";

type AsgTag = { Key: string; Value: string; PropagateAtLaunch?: boolean | string };

const UPDATABLE = ["MinSize", "MaxSize", "DesiredCapacity", "LaunchTemplate", "LaunchConfigurationName", "MixedInstancesPolicy", "VPCZoneIdentifier", "AvailabilityZones",
  "HealthCheckType", "HealthCheckGracePeriod", "Cooldown", "TerminationPolicies", "NewInstancesProtectedFromScaleIn", "CapacityRebalance", "MaxInstanceLifetime",
  "DefaultInstanceWarmup", "ServiceLinkedRoleARN", "PlacementGroup", "DesiredCapacityType", "Context", "InstanceMaintenancePolicy"];

function groupTags(name: string, own: AsgTag[] | undefined, pc: ProviderContext, which: "current" | "previous" = "current") {
  const propagate = new Map((own ?? []).map((t) => [t.Key, String(t.PropagateAtLaunch) === "true"]));
  return withStackTags(own, pc, which).map((t) => ({ ResourceId: name, ResourceType: "auto-scaling-group", Key: t.Key, Value: t.Value, PropagateAtLaunch: propagate.get(t.Key) ?? true }));
}

function settings(props: Record<string, any>) {
  const { VPCZoneIdentifier, Cooldown, Tags, NotificationConfigurations, MetricsCollection, LifecycleHookSpecificationList, ...rest } = props;
  return {
    ...rest,
    ...(VPCZoneIdentifier !== undefined ? { VPCZoneIdentifier: (VPCZoneIdentifier as string[]).join(",") } : {}),
    ...(Cooldown !== undefined ? { DefaultCooldown: Cooldown } : {}),
    ...(LifecycleHookSpecificationList !== undefined ? { LifecycleHookSpecificationList } : {}),
  };
}

const describe = (name: string, pc: ProviderContext) => pc.call("autoscaling", "DescribeAutoScalingGroups", { AutoScalingGroupNames: [name] }).AutoScalingGroups?.[0];

export const provider: ResourceProvider = {
  type: "AWS::AutoScaling::AutoScalingGroup",
  operations: {
    autoscaling: ["CreateAutoScalingGroup", "UpdateAutoScalingGroup", "DeleteAutoScalingGroup", "DescribeAutoScalingGroups", "CreateOrUpdateTags", "DeleteTags", "AttachLoadBalancerTargetGroups", "DetachLoadBalancerTargetGroups", "EnableMetricsCollection", "DisableMetricsCollection"],
  },
  attributes: [],
  replaceOn: ["AutoScalingGroupName", "InstanceId"],
  taggable: true,
  nameProperty: "AutoScalingGroupName",
  create(props, pc) {
    const name = props.AutoScalingGroupName ?? pc.generatedName(255, { upper: true });
    const tags = groupTags(name, props.Tags, pc);
    pc.call("autoscaling", "CreateAutoScalingGroup", toInput("autoscaling", "CreateAutoScalingGroup", { ...settings(props), AutoScalingGroupName: name, ...(tags.length ? { Tags: tags } : {}) }));
    for (const m of props.MetricsCollection ?? []) pc.call("autoscaling", "EnableMetricsCollection", { AutoScalingGroupName: name, Granularity: m.Granularity, ...(m.Metrics ? { Metrics: m.Metrics } : {}) });
    return { physicalId: name, attributes: {} };
  },
  update(props, old: ResourceRecord, pc) {
    const name = old.physicalId!;
    const before = old.properties ?? {};
    const changed = UPDATABLE.filter((k) => JSON.stringify(props[k]) !== JSON.stringify(before[k]));
    if (changed.length) {
      const all = toInput("autoscaling", "UpdateAutoScalingGroup", { ...settings(props), AutoScalingGroupName: name });
      pc.call("autoscaling", "UpdateAutoScalingGroup", all);
    }
    const was: string[] = (before.TargetGroupARNs as string[]) ?? [];
    const now: string[] = props.TargetGroupARNs ?? [];
    const detach = was.filter((a) => !now.includes(a));
    const attach = now.filter((a) => !was.includes(a));
    if (detach.length) pc.call("autoscaling", "DetachLoadBalancerTargetGroups", { AutoScalingGroupName: name, TargetGroupARNs: detach });
    if (attach.length) pc.call("autoscaling", "AttachLoadBalancerTargetGroups", { AutoScalingGroupName: name, TargetGroupARNs: attach });
    const oldTags = groupTags(name, before.Tags as AsgTag[], pc, "previous");
    const newTags = groupTags(name, props.Tags, pc);
    const gone = oldTags.filter((t) => !newTags.some((n) => n.Key === t.Key));
    if (gone.length) pc.call("autoscaling", "DeleteTags", { Tags: gone });
    if (newTags.length && JSON.stringify(newTags) !== JSON.stringify(oldTags)) pc.call("autoscaling", "CreateOrUpdateTags", { Tags: newTags });
    return { physicalId: name, attributes: {} };
  },
  settle(record, pc): Progress {
    const g = describe(record.physicalId!, pc);
    if (!g) return { failed: pc.handlerMessage(`Auto Scaling group ${record.physicalId} was not found.`, "NotFound") };
    const inService = (g.Instances ?? []).filter((i: { LifecycleState: string }) => i.LifecycleState === "InService").length;
    return inService >= (g.DesiredCapacity ?? 0) ? "done" : "wait";
  },
  delete(record, pc) {
    pc.call("autoscaling", "DeleteAutoScalingGroup", { AutoScalingGroupName: record.physicalId!, ForceDelete: true });
  },
  settleDelete(record, pc): Progress {
    return describe(record.physicalId!, pc) ? "wait" : "done";
  },
};
