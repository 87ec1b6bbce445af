// The ECS console's EC2 cluster as a template: the ECS-optimized AMI from SSM, an instance role and
// profile, a launch template whose user data names the cluster, an Auto Scaling group (waited on until
// its instances are InService) and a capacity provider; the instances join the cluster as ECS's agent
// does. Then the other Auto Scaling types: a launch configuration, a lifecycle hook, a scaling policy
// and a scheduled action.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startLocal, type TestLocal } from "../helpers/local.js";
import { queryCaller, type QueryCaller } from "../helpers/query.js";
import { SUBNET_A, SUBNET_B } from "../helpers/fixtures.js";

let t: TestLocal;
let cfn: QueryCaller;
let asg: QueryCaller;
beforeAll(async () => {
  t = await startLocal();
  cfn = queryCaller(t, "cloudformation");
  asg = queryCaller(t, "autoscaling");
});
afterAll(() => t.close());

async function settled(name: string): Promise<any> {
  let s = (await cfn.call("DescribeStacks", { StackName: name })).Stacks[0];
  for (let i = 0; s.StackStatus.endsWith("IN_PROGRESS") && i < 30; i++) {
    t.advance(30_000);
    s = (await cfn.call("DescribeStacks", { StackName: name })).Stacks[0];
  }
  return s;
}

const physical = async (stack: string, id: string) => (await cfn.call("DescribeStackResource", { StackName: stack, LogicalResourceId: id })).StackResourceDetail.PhysicalResourceId;

describe("the console's EC2 cluster template", () => {
  const body = readFileSync(new URL("./templates/ec2-cluster.yaml", import.meta.url), "utf8");
  const subnets = { ParameterKey: "Subnets", ParameterValue: `${SUBNET_A},${SUBNET_B}` };

  it("creates a cluster whose Auto Scaling instances join it, with the group's capacity provider", async () => {
    await cfn.call("CreateStack", { StackName: "ec2", TemplateBody: body, Parameters: [subnets], Capabilities: ["CAPABILITY_IAM"] });
    const s = await settled("ec2");
    const failures = (await cfn.call("DescribeStackEvents", { StackName: "ec2" })).StackEvents.filter((e: any) => e.ResourceStatus.endsWith("FAILED")).map((e: any) => `${e.LogicalResourceId}: ${e.ResourceStatusReason}`);
    expect(failures).toEqual([]);
    expect(s.StackStatus).toBe("CREATE_COMPLETE");
    const group = (await asg.call("DescribeAutoScalingGroups", { AutoScalingGroupNames: [await physical("ec2", "Group")] })).AutoScalingGroups[0];
    expect(group.Instances.map((i: any) => i.LifecycleState)).toEqual(["InService", "InService"]);
    const members = await t.ecs("ListContainerInstances", { cluster: "ec2-cluster" });
    expect(members.containerInstanceArns).toHaveLength(2);
    const cluster = (await t.ecs("DescribeClusters", { clusters: ["ec2-cluster"] })).clusters![0];
    const provider = await physical("ec2", "CapacityProvider");
    expect([cluster.capacityProviders, cluster.defaultCapacityProviderStrategy]).toEqual([[provider], [{ capacityProvider: provider, weight: 1, base: 0 }]]);
  });

  it("a larger capacity updates the group in place and waits for the new instance", async () => {
    const group = await physical("ec2", "Group");
    await cfn.call("UpdateStack", { StackName: "ec2", UsePreviousTemplate: true, Parameters: [{ ParameterKey: "Subnets", UsePreviousValue: true }, { ParameterKey: "Capacity", ParameterValue: "3" }], Capabilities: ["CAPABILITY_IAM"] });
    expect((await settled("ec2")).StackStatus).toBe("UPDATE_COMPLETE");
    expect(await physical("ec2", "Group")).toBe(group);
    const g = (await asg.call("DescribeAutoScalingGroups", { AutoScalingGroupNames: [group] })).AutoScalingGroups[0];
    expect([g.DesiredCapacity, g.Instances.filter((i: any) => i.LifecycleState === "InService").length]).toEqual([3, 3]);
  });

  it("deletes the group (terminating its instances), the provider and the cluster", async () => {
    const group = await physical("ec2", "Group");
    const id = (await cfn.call("DescribeStacks", { StackName: "ec2" })).Stacks[0].StackId;
    await cfn.call("DeleteStack", { StackName: "ec2" });
    const s = await settled(id);
    const failures = (await cfn.call("DescribeStackEvents", { StackName: id })).StackEvents.filter((e: any) => e.ResourceStatus.endsWith("FAILED")).map((e: any) => `${e.LogicalResourceId}: ${e.ResourceStatusReason}`);
    expect(failures).toEqual([]);
    expect(s.StackStatus).toBe("DELETE_COMPLETE");
    expect((await asg.call("DescribeAutoScalingGroups", { AutoScalingGroupNames: [group] })).AutoScalingGroups).toEqual([]);
    expect((await t.ecs("DescribeClusters", { clusters: ["ec2-cluster"] })).clusters![0].status).toBe("INACTIVE");
  });
});

describe("the other Auto Scaling types", () => {
  it("a launch configuration, a lifecycle hook, a scaling policy and a scheduled action", async () => {
    const body = `Resources:
  Config:
    Type: AWS::AutoScaling::LaunchConfiguration
    Properties: { ImageId: ami-0123456789abcdef0, InstanceType: t3.micro }
  Group:
    Type: AWS::AutoScaling::AutoScalingGroup
    Properties: { MinSize: "0", MaxSize: "2", DesiredCapacity: "0", LaunchConfigurationName: !Ref Config, VPCZoneIdentifier: [${SUBNET_A}] }
  Hook:
    Type: AWS::AutoScaling::LifecycleHook
    Properties: { AutoScalingGroupName: !Ref Group, LifecycleTransition: "autoscaling:EC2_INSTANCE_TERMINATING", HeartbeatTimeout: 60 }
  Policy:
    Type: AWS::AutoScaling::ScalingPolicy
    Properties:
      AutoScalingGroupName: !Ref Group
      PolicyType: TargetTrackingScaling
      TargetTrackingConfiguration: { PredefinedMetricSpecification: { PredefinedMetricType: ASGAverageCPUUtilization }, TargetValue: 50 }
  Nightly:
    Type: AWS::AutoScaling::ScheduledAction
    Properties: { AutoScalingGroupName: !Ref Group, Recurrence: "0 22 * * *", DesiredCapacity: 0 }
Outputs:
  PolicyArn: { Value: !Ref Policy }
  PolicyName: { Value: !GetAtt Policy.PolicyName }`;
    await cfn.call("CreateStack", { StackName: "asg", TemplateBody: body });
    const s = await settled("asg");
    const failures = (await cfn.call("DescribeStackEvents", { StackName: "asg" })).StackEvents.filter((e: any) => e.ResourceStatus.endsWith("FAILED")).map((e: any) => `${e.LogicalResourceId}: ${e.ResourceStatusReason}`);
    expect(failures).toEqual([]);
    expect(s.StackStatus).toBe("CREATE_COMPLETE");
    const group = await physical("asg", "Group");
    const out = Object.fromEntries(s.Outputs.map((o: any) => [o.OutputKey, o.OutputValue]));
    const policies = (await asg.call("DescribePolicies", { AutoScalingGroupName: group })).ScalingPolicies;
    expect(policies.map((p: any) => [p.PolicyARN, p.PolicyName, p.PolicyType])).toEqual([[out.PolicyArn, out.PolicyName, "TargetTrackingScaling"]]);
    expect((await asg.call("DescribeLifecycleHooks", { AutoScalingGroupName: group })).LifecycleHooks.map((h: any) => h.HeartbeatTimeout)).toEqual([60]);
    expect((await asg.call("DescribeScheduledActions", { AutoScalingGroupName: group })).ScheduledUpdateGroupActions.map((a: any) => a.Recurrence)).toEqual(["0 22 * * *"]);
    expect((await asg.call("DescribeLaunchConfigurations", { LaunchConfigurationNames: [await physical("asg", "Config")] })).LaunchConfigurations).toHaveLength(1);
    await cfn.call("DeleteStack", { StackName: "asg" });
    const gone = await settled(s.StackId);
    expect(gone.StackStatus).toBe("DELETE_COMPLETE");
  });
});
