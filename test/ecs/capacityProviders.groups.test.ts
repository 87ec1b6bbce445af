// Auto Scaling group capacity providers and the group behind them: CreateCapacityProvider checks the
// group (it exists, it is no other provider's, it protects new instances when managed termination
// protection is asked for) and tags it AmazonECSManaged; associating a provider with a cluster puts
// ECS's target tracking policy and managed draining hook on the group, shown as cluster attachments;
// updates answer the provider as it stood, UPDATE_IN_PROGRESS, and settle on the clock.
import { AutoScalingClient, DescribePoliciesCommand } from "@aws-sdk/client-auto-scaling";
import { DescribeCapacityProvidersCommand, DescribeClustersCommand, ECSClient } from "@aws-sdk/client-ecs";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startLocal, type TestLocal } from "../helpers/local.js";
import { queryCaller, type QueryCaller } from "../helpers/query.js";
import { AMI } from "./capacityFixtures.js";

const MTP_TEXT =
  "The managed termination protection setting for the capacity provider is invalid. To enable managed termination protection for a capacity provider, the Auto Scaling group must have instance protection from scale in enabled.";
const HOOK = "ecs-managed-draining-termination-hook";
const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

let t: TestLocal;
let asg: QueryCaller;
beforeAll(async () => {
  t = await startLocal();
  asg = queryCaller(t, "autoscaling");
});
afterAll(() => t.close());
beforeEach(async () => {
  t.local.reset();
  await asg.call("CreateLaunchConfiguration", { LaunchConfigurationName: "lc", ImageId: AMI, InstanceType: "t3.medium" });
  await t.ecs("CreateCluster", { clusterName: "c1" });
  await t.ecs("CreateCluster", { clusterName: "c2" });
});

async function makeGroup(name: string, protect = true): Promise<string> {
  await asg.call("CreateAutoScalingGroup", { AutoScalingGroupName: name, LaunchConfigurationName: "lc", MinSize: 0, MaxSize: 2, AvailabilityZones: ["us-east-1a"], NewInstancesProtectedFromScaleIn: protect });
  return (await asg.call("DescribeAutoScalingGroups", { AutoScalingGroupNames: [name] })).AutoScalingGroups[0].AutoScalingGroupARN;
}
const provider = (name: string, ref: string, extra: Record<string, unknown> = {}) =>
  t.ecs("CreateCapacityProvider", { name, autoScalingGroupProvider: { autoScalingGroupArn: ref, managedScaling: { status: "ENABLED", targetCapacity: 90 }, managedTerminationProtection: "ENABLED", ...extra } });
const put = (cluster: string, names: string[]) => t.ecs("PutClusterCapacityProviders", { cluster, capacityProviders: names, defaultCapacityProviderStrategy: [] });
const attachments = async (cluster: string) => {
  const c = (await t.ecs("DescribeClusters", { clusters: [cluster], include: ["ATTACHMENTS"] })).clusters![0];
  return { status: c.attachmentsStatus, attachments: (c.attachments ?? []).map((a) => [a.type, a.status, a.details!.map((d) => d.value)]) };
};
const policies = async (group: string) => (await asg.call("DescribePolicies", { AutoScalingGroupName: group })).ScalingPolicies;
const hooks = async (group: string) => (await asg.call("DescribeLifecycleHooks", { AutoScalingGroupName: group })).LifecycleHooks;
const names = async () => (await t.ecs("DescribeCapacityProviders", {})).capacityProviders!.map((c) => c.name);

describe("CreateCapacityProvider and the group", () => {
  it("refuses a group that does not exist, an ARN that is not a group's, and stores nothing", async () => {
    const arn = "arn:aws:autoscaling:us-east-1:000000000000:autoScalingGroup:1a2b3c4d-0000-0000-0000-000000000000:autoScalingGroupName/none";
    expect(await t.ecsError("CreateCapacityProvider", { name: "cp", autoScalingGroupProvider: { autoScalingGroupArn: arn } })).toEqual({
      status: 400,
      code: "ClientException",
      message: `The specified Auto Scaling group ${arn} could not be found. Specify a valid Auto Scaling group name or ARN and try again.`,
    });
    expect(await t.ecsError("CreateCapacityProvider", { name: "cp", autoScalingGroupProvider: { autoScalingGroupArn: "arn:aws:ecs:us-east-1:000000000000:cluster/c1" } })).toEqual({
      status: 400,
      code: "ClientException",
      message: "The specified Auto Scaling group ARN is invalid. Specify a valid Auto Scaling group ARN and try again.",
    });
    expect(await names()).toEqual(["FARGATE", "FARGATE_SPOT"]);
  });

  it("refuses managed termination protection on a group that does not protect new instances from scale-in, in ECS's words", async () => {
    const arn = await makeGroup("open", false);
    expect(await t.ecsError("CreateCapacityProvider", { name: "cp", autoScalingGroupProvider: { autoScalingGroupArn: arn, managedTerminationProtection: "ENABLED" } })).toEqual({
      status: 400,
      code: "ClientException",
      message: MTP_TEXT,
    });
    expect(await names()).toEqual(["FARGATE", "FARGATE_SPOT"]);
    expect((await asg.call("DescribeTags", {})).Tags).toEqual([]);
    await provider("cp", arn, { managedTerminationProtection: "DISABLED" });
    expect(await t.ecsError("UpdateCapacityProvider", { name: "cp", autoScalingGroupProvider: { managedTerminationProtection: "ENABLED" } })).toMatchObject({ code: "ClientException", message: MTP_TEXT });
  });

  it("tags the group AmazonECSManaged, takes it by name as the model allows, and refuses it to a second provider however it is named", async () => {
    const arn = await makeGroup("g");
    const r = await provider("cp", "g");
    expect(r.capacityProvider!.autoScalingGroupProvider!.autoScalingGroupArn).toBe("g");
    expect((await asg.call("DescribeTags", {})).Tags).toEqual([{ ResourceId: "g", ResourceType: "auto-scaling-group", Key: "AmazonECSManaged", Value: "", PropagateAtLaunch: true }]);
    expect(await t.ecsError("CreateCapacityProvider", { name: "cp2", autoScalingGroupProvider: { autoScalingGroupArn: arn } })).toEqual({
      status: 400,
      code: "ClientException",
      message: "The specified Auto Scaling group ARN is already being used by another capacity provider. Specify a unique Auto Scaling group ARN and try again.",
    });
  });
});

describe("association: ECS's resources on the group", () => {
  it("puts the target tracking policy and the draining hook on the group, shown as attachments that settle", async () => {
    await provider("cp", await makeGroup("g"));
    const r = await put("c1", ["cp"]);
    expect(r.cluster!.attachmentsStatus).toBe("UPDATE_IN_PROGRESS");
    expect(r.cluster!.attachments!.map((a) => [a.type, a.status])).toEqual([
      ["as_policy", "PRECREATED"],
      ["managed_draining", "PRECREATED"],
    ]);
    const settled = await attachments("c1");
    expect(settled.status).toBe("UPDATE_COMPLETE");
    const policyName = (settled.attachments[0][2] as string[])[1];
    expect(policyName).toMatch(new RegExp(`^ECSManagedAutoScalingPolicy-${UUID}$`));
    expect(settled.attachments).toEqual([
      ["as_policy", "CREATED", ["cp", policyName]],
      ["managed_draining", "CREATED", ["cp", HOOK]],
    ]);
    const [p] = await policies("g");
    expect(p).toEqual({
      AutoScalingGroupName: "g",
      PolicyName: policyName,
      PolicyARN: expect.stringMatching(new RegExp(`^arn:aws:autoscaling:us-east-1:000000000000:scalingPolicy:${UUID}:autoScalingGroupName/g:policyName/${policyName}$`)),
      PolicyType: "TargetTrackingScaling",
      StepAdjustments: [],
      Alarms: [
        { AlarmName: expect.stringMatching(new RegExp(`^TargetTracking-g-AlarmHigh-${UUID}$`)), AlarmARN: expect.stringMatching(/^arn:aws:cloudwatch:us-east-1:000000000000:alarm:TargetTracking-g-AlarmHigh-/) },
        { AlarmName: expect.stringMatching(new RegExp(`^TargetTracking-g-AlarmLow-${UUID}$`)), AlarmARN: expect.stringMatching(/^arn:aws:cloudwatch:us-east-1:000000000000:alarm:TargetTracking-g-AlarmLow-/) },
      ],
      TargetTrackingConfiguration: {
        CustomizedMetricSpecification: {
          MetricName: "CapacityProviderReservation",
          Namespace: "AWS/ECS/ManagedScaling",
          Dimensions: [
            { Name: "CapacityProviderName", Value: "cp" },
            { Name: "ClusterName", Value: "c1" },
          ],
          Statistic: "Average",
        },
        TargetValue: 90,
        DisableScaleIn: false,
      },
      Enabled: true,
    });
    expect(await hooks("g")).toEqual([
      { LifecycleHookName: HOOK, AutoScalingGroupName: "g", LifecycleTransition: "autoscaling:EC2_INSTANCE_TERMINATING", HeartbeatTimeout: 3600, GlobalTimeout: 172800, DefaultResult: "CONTINUE" },
    ]);
  });

  it("serves one cluster at a time with managed scaling on, and removes its resources when disassociated", async () => {
    await provider("cp", await makeGroup("g"));
    await put("c1", ["cp"]);
    expect(await t.ecsError("PutClusterCapacityProviders", { cluster: "c2", capacityProviders: ["cp"], defaultCapacityProviderStrategy: [] })).toEqual({
      status: 400,
      code: "InvalidParameterException",
      message: "The capacity provider cp has managed scaling enabled and is already associated with cluster c1. A capacity provider with managed scaling enabled can only be associated with one cluster.",
    });
    const r = await put("c1", []);
    expect(r.cluster!.attachments!.map((a) => [a.type, a.status])).toEqual([
      ["as_policy", "DELETING"],
      ["managed_draining", "DELETING"],
    ]);
    expect(await attachments("c1")).toEqual({ status: "UPDATE_COMPLETE", attachments: [] });
    expect(await policies("g")).toEqual([]);
    expect(await hooks("g")).toEqual([]);
    const view = (await (await fetch(`${t.url}/_ecs-local/capacity-providers`)).json()).capacityProviders;
    expect(view.map((v: any) => [v.name, v.cluster, v.scalingPolicyName, v.alarms])).toEqual([["cp", null, null, null]]);
    await put("c2", ["cp"]);
    expect((await policies("g"))[0].TargetTrackingConfiguration.CustomizedMetricSpecification.Dimensions[1]).toEqual({ Name: "ClusterName", Value: "c2" });
  });

  it("puts the policy again with a new target, and removes the policy or the hook when the setting is turned off", async () => {
    await provider("cp", await makeGroup("g"));
    await put("c1", ["cp"]);
    const before = (await policies("g"))[0];
    await t.ecs("UpdateCapacityProvider", { name: "cp", autoScalingGroupProvider: { managedScaling: { targetCapacity: 50 } } });
    const after = (await policies("g"))[0];
    expect([after.PolicyName, after.PolicyARN, after.TargetTrackingConfiguration.TargetValue]).toEqual([before.PolicyName, before.PolicyARN, 50]);
    await t.ecs("UpdateCapacityProvider", { name: "cp", autoScalingGroupProvider: { managedScaling: { status: "DISABLED" }, managedDraining: "DISABLED" } });
    expect(await policies("g")).toEqual([]);
    expect(await hooks("g")).toEqual([]);
    expect(await attachments("c1")).toEqual({ status: "UPDATE_COMPLETE", attachments: [] });
  });

  it("creates a cluster with a provider and deletes it, the attachments following, as the SDK reads them", async () => {
    await provider("cp", await makeGroup("g"));
    const created = await t.ecs("CreateCluster", { clusterName: "c3", capacityProviders: ["cp"], defaultCapacityProviderStrategy: [{ capacityProvider: "cp", weight: 1 }] });
    expect([created.cluster!.attachmentsStatus, created.cluster!.attachments!.map((a) => a.status)]).toEqual(["UPDATE_IN_PROGRESS", ["PRECREATED", "PRECREATED"]]);
    const sdk = new ECSClient({ endpoint: t.url, region: "us-east-1", credentials: { accessKeyId: "test", secretAccessKey: "test" } });
    const c = (await sdk.send(new DescribeClustersCommand({ clusters: ["c3"], include: ["ATTACHMENTS"] }))).clusters![0];
    expect([c.attachmentsStatus, c.attachments!.map((a) => [a.type, a.status])]).toEqual(["UPDATE_COMPLETE", [["as_policy", "CREATED"], ["managed_draining", "CREATED"]]]);
    const auto = new AutoScalingClient({ endpoint: t.url, region: "us-east-1", credentials: { accessKeyId: "test", secretAccessKey: "test" } });
    expect((await auto.send(new DescribePoliciesCommand({ AutoScalingGroupName: "g" }))).ScalingPolicies!.map((p) => p.PolicyType)).toEqual(["TargetTrackingScaling"]);
    const deleted = await t.ecs("DeleteCluster", { cluster: "c3" });
    expect(deleted.cluster!.attachments!.map((a) => a.status)).toEqual(["DELETING", "DELETING"]);
    expect(await policies("g")).toEqual([]);
    const cp = (await sdk.send(new DescribeCapacityProvidersCommand({ capacityProviders: ["cp"] }))).capacityProviders![0];
    expect(cp.autoScalingGroupProvider!.managedScaling).toEqual({ status: "ENABLED", targetCapacity: 90, minimumScalingStepSize: 1, maximumScalingStepSize: 10000, instanceWarmupPeriod: 300 });
  });
});

describe("without managed scaling", () => {
  it("does not wait: a service whose provider has no instance gets ECS's event naming the capacity provider", async () => {
    await provider("plain", await makeGroup("g"), { managedScaling: { status: "DISABLED" }, managedTerminationProtection: "DISABLED" });
    await put("c1", ["plain"]);
    await t.ecs("RegisterTaskDefinition", { family: "web", containerDefinitions: [{ name: "web", image: "nginx", cpu: 128, memory: 128 }] });
    await t.ecs("CreateService", { cluster: "c1", serviceName: "s", taskDefinition: "web", desiredCount: 1, capacityProviderStrategy: [{ capacityProvider: "plain", weight: 1 }] });
    const s = (await t.ecs("DescribeServices", { cluster: "c1", services: ["s"] })).services![0];
    expect([s.pendingCount, s.events![0].message]).toEqual([
      0,
      "(service s) was unable to place a task because no container instance met all of its requirements. Reason: No Container Instances were found in your capacity provider. For more information, see the Troubleshooting section of the Amazon ECS Developer Guide.",
    ]);
    expect(await t.ecsError("RunTask", { cluster: "c1", taskDefinition: "web", capacityProviderStrategy: [{ capacityProvider: "plain", weight: 1 }] })).toMatchObject({ message: "No Container Instances were found in your cluster." });
  });
});

describe("UpdateCapacityProvider and DeleteCapacityProvider on the clock", () => {
  it("answers an update as the provider stood, applies it at the next turn, and deletes a free provider", async () => {
    await provider("cp", await makeGroup("g"));
    const r = await t.ecs("UpdateCapacityProvider", { name: "cp", autoScalingGroupProvider: { managedScaling: { targetCapacity: 70 } } });
    expect([r.capacityProvider!.updateStatus, r.capacityProvider!.autoScalingGroupProvider!.managedScaling!.targetCapacity]).toEqual(["UPDATE_IN_PROGRESS", 90]);
    const d = (await t.ecs("DescribeCapacityProviders", { capacityProviders: ["cp"] })).capacityProviders![0];
    expect([d.updateStatus, d.autoScalingGroupProvider!.managedScaling!.targetCapacity]).toEqual(["UPDATE_COMPLETE", 70]);
    await put("c1", ["cp"]);
    const refused = await t.ecs("DeleteCapacityProvider", { capacityProvider: "cp" });
    expect([refused.capacityProvider!.updateStatus, refused.capacityProvider!.updateStatusReason]).toEqual([
      "DELETE_FAILED",
      "The capacity provider cannot be deleted because it is associated with cluster: c1. Remove the capacity provider from the cluster and try again.",
    ]);
    await put("c1", []);
    expect((await t.ecs("DeleteCapacityProvider", { capacityProvider: "cp" })).capacityProvider!.updateStatus).toBe("DELETE_IN_PROGRESS");
    expect((await t.ecs("DescribeCapacityProviders", { capacityProviders: ["cp"] })).capacityProviders![0]).toMatchObject({ status: "INACTIVE", updateStatus: "DELETE_COMPLETE" });
    expect(await policies("g")).toEqual([]);
    const view = (await (await fetch(`${t.url}/_ecs-local/capacity-providers`)).json()).capacityProviders;
    expect(view.map((v: any) => [v.name, v.status, v.cluster, v.scalingPolicyName])).toEqual([["cp", "INACTIVE", null, null]]);
  });
});
