// An ECS cluster served by an Auto Scaling group through a capacity provider, as the ECS console
// builds one: a launch template whose user data names the cluster, a group of it, the provider with
// managed scaling, the cluster's default strategy; and what tests read back of the group.
import type { TestLocal } from "../helpers/local.js";
import type { QueryCaller } from "../helpers/query.js";
import { SUBNET_A, SUBNET_B } from "../helpers/fixtures.js";

export const AMI = "ami-0fe5f366c083f59ca";

export interface Setup {
  cluster: string;
  group: string;
  provider: string;
  min?: number;
  max?: number;
  desired?: number;
  /** NewInstancesProtectedFromScaleIn, and the provider's managed termination protection. */
  protect?: boolean;
  managedScaling?: Record<string, unknown>;
  managedDraining?: "ENABLED" | "DISABLED";
  instanceType?: string;
}

export function userData(cluster: string): string {
  return Buffer.from(`#!/bin/bash\necho ECS_CLUSTER=${cluster} >> /etc/ecs/ecs.config\n`).toString("base64");
}

/** Creates the template, group, provider and association; answers the group's ARN. */
export async function managedCluster(t: TestLocal, asg: QueryCaller, ec2: QueryCaller, s: Setup): Promise<string> {
  await t.ecs("CreateCluster", { clusterName: s.cluster });
  await ec2.call("CreateLaunchTemplate", { LaunchTemplateName: `${s.group}-lt`, LaunchTemplateData: { ImageId: AMI, InstanceType: s.instanceType ?? "t3.medium", UserData: userData(s.cluster) } });
  await asg.call("CreateAutoScalingGroup", {
    AutoScalingGroupName: s.group,
    LaunchTemplate: { LaunchTemplateName: `${s.group}-lt`, Version: "$Latest" },
    MinSize: s.min ?? 1,
    MaxSize: s.max ?? 4,
    ...(s.desired !== undefined ? { DesiredCapacity: s.desired } : {}),
    VPCZoneIdentifier: `${SUBNET_A},${SUBNET_B}`,
    NewInstancesProtectedFromScaleIn: s.protect ?? true,
  });
  const arn = (await asg.call("DescribeAutoScalingGroups", { AutoScalingGroupNames: [s.group] })).AutoScalingGroups[0].AutoScalingGroupARN as string;
  await t.ecs("CreateCapacityProvider", {
    name: s.provider,
    autoScalingGroupProvider: {
      autoScalingGroupArn: arn,
      managedScaling: { status: "ENABLED", targetCapacity: 100, ...s.managedScaling },
      managedTerminationProtection: s.protect === false ? "DISABLED" : "ENABLED",
      ...(s.managedDraining ? { managedDraining: s.managedDraining } : {}),
    },
  });
  await t.ecs("PutClusterCapacityProviders", { cluster: s.cluster, capacityProviders: [s.provider], defaultCapacityProviderStrategy: [{ capacityProvider: s.provider, weight: 1 }] });
  return arn;
}

export async function group(asg: QueryCaller, name: string): Promise<any> {
  return (await asg.call("DescribeAutoScalingGroups", { AutoScalingGroupNames: [name] })).AutoScalingGroups[0];
}

/** The group's instances: [lifecycle state, protected from scale-in], in launch order. */
export async function instances(asg: QueryCaller, name: string): Promise<[string, boolean][]> {
  return (await group(asg, name)).Instances.map((i: any) => [i.LifecycleState, i.ProtectedFromScaleIn]);
}

/** Activities newest first: [Description, Cause]. */
export async function activities(asg: QueryCaller, name: string): Promise<[string, string][]> {
  return (await asg.call("DescribeScalingActivities", { AutoScalingGroupName: name })).Activities.map((a: any) => [a.Description, a.Cause]);
}

export async function policy(asg: QueryCaller, name: string): Promise<{ name: string; high: string; low: string }> {
  const p = (await asg.call("DescribePolicies", { AutoScalingGroupName: name })).ScalingPolicies[0];
  return { name: p.PolicyName, high: p.Alarms[0].AlarmName, low: p.Alarms[1].AlarmName };
}

export async function view(t: TestLocal): Promise<any[]> {
  return (await (await fetch(`${t.url}/_ecs-local/capacity-providers`)).json()).capacityProviders;
}

export async function tasksOf(t: TestLocal, cluster: string, arns: string[]) {
  return (await t.ecs("DescribeTasks", { cluster, tasks: arns })).tasks!;
}
