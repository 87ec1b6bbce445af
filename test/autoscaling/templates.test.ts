// Groups from EC2 launch templates: by id or name, $Latest, $Default or a version number, checked
// against EC2 at creation in Auto Scaling's words; each launch goes through RunInstances with the
// template, so its image, type and user data (ECS_CLUSTER) reach the instances; a mixed instances
// policy launches its first override's type.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startLocal, type TestLocal } from "../helpers/local.js";
import { queryCaller, type QueryCaller } from "../helpers/query.js";
import { SUBNET_A, SUBNET_B } from "../helpers/fixtures.js";

const AMI = "ami-0fe5f366c083f59ca";
const USER_DATA = Buffer.from("#!/bin/bash\necho ECS_CLUSTER=tpl >> /etc/ecs/ecs.config\n").toString("base64");

let t: TestLocal;
let asg: QueryCaller;
let ec2: QueryCaller;
let templateId = "";
beforeAll(async () => {
  t = await startLocal();
  asg = queryCaller(t, "autoscaling");
  ec2 = queryCaller(t, "ec2");
  await t.ecs("CreateCluster", { clusterName: "tpl" });
  templateId = (await ec2.call("CreateLaunchTemplate", { LaunchTemplateName: "ecs", LaunchTemplateData: { ImageId: AMI, InstanceType: "t3.medium", UserData: USER_DATA } })).LaunchTemplate.LaunchTemplateId;
  await ec2.call("CreateLaunchTemplateVersion", { LaunchTemplateId: templateId, SourceVersion: "1", LaunchTemplateData: { InstanceType: "m5.large" } });
});
afterAll(() => t.close());

const group = async (name: string) => (await asg.call("DescribeAutoScalingGroups", { AutoScalingGroupNames: [name] })).AutoScalingGroups[0];
const ec2Instances = async (ids: string[]) => (await ec2.call("DescribeInstances", { InstanceIds: ids })).Reservations.flatMap((r: any) => r.Instances);

describe("groups from launch templates", () => {
  it("launches a template's version through RunInstances, and the instances join the cluster its user data names", async () => {
    await asg.call("CreateAutoScalingGroup", { AutoScalingGroupName: "latest", LaunchTemplate: { LaunchTemplateName: "ecs", Version: "$Latest" }, MinSize: 2, MaxSize: 2, VPCZoneIdentifier: `${SUBNET_A},${SUBNET_B}` });
    const g = await group("latest");
    expect(g.LaunchTemplate).toEqual({ LaunchTemplateId: templateId, LaunchTemplateName: "ecs", Version: "$Latest" });
    expect(g.Instances.map((i: any) => [i.LifecycleState, i.InstanceType, i.LaunchTemplate])).toEqual([
      ["InService", "m5.large", { LaunchTemplateId: templateId, LaunchTemplateName: "ecs", Version: "$Latest" }],
      ["InService", "m5.large", { LaunchTemplateId: templateId, LaunchTemplateName: "ecs", Version: "$Latest" }],
    ]);
    const ids = g.Instances.map((i: any) => i.InstanceId);
    const instances = await ec2Instances(ids);
    expect(instances.map((i: any) => [i.ImageId, i.InstanceType])).toEqual([[AMI, "m5.large"], [AMI, "m5.large"]]);
    expect(instances[0].Tags).toContainEqual({ Key: "aws:autoscaling:groupName", Value: "latest" });
    const cis = await t.ecs("ListContainerInstances", { cluster: "tpl" });
    const described = await t.ecs("DescribeContainerInstances", { cluster: "tpl", containerInstances: cis.containerInstanceArns! });
    expect(described.containerInstances!.map((c) => c.ec2InstanceId).sort()).toEqual([...ids].sort());
  });

  it("uses $Default when no version is given, and a numbered version as given", async () => {
    await asg.call("CreateAutoScalingGroup", { AutoScalingGroupName: "default", LaunchTemplate: { LaunchTemplateId: templateId }, MinSize: 1, MaxSize: 1, AvailabilityZones: ["us-east-1a"] });
    const d = await group("default");
    expect([d.LaunchTemplate.Version, d.Instances[0].InstanceType]).toEqual(["$Default", "t3.medium"]);
    await asg.call("CreateAutoScalingGroup", { AutoScalingGroupName: "two", LaunchTemplate: { LaunchTemplateId: templateId, Version: "2" }, MinSize: 1, MaxSize: 1, AvailabilityZones: ["us-east-1b"] });
    expect((await group("two")).Instances[0].InstanceType).toBe("m5.large");
  });

  it("launches a mixed instances policy's template with its first override's type", async () => {
    await asg.call("CreateAutoScalingGroup", {
      AutoScalingGroupName: "mixed",
      MixedInstancesPolicy: { LaunchTemplate: { LaunchTemplateSpecification: { LaunchTemplateName: "ecs" }, Overrides: [{ InstanceType: "c5.large" }, { InstanceType: "c6i.large" }] }, InstancesDistribution: { OnDemandPercentageAboveBaseCapacity: 100 } },
      MinSize: 1,
      MaxSize: 1,
      VPCZoneIdentifier: SUBNET_A,
    });
    const g = await group("mixed");
    expect(g.MixedInstancesPolicy.LaunchTemplate.LaunchTemplateSpecification).toEqual({ LaunchTemplateId: templateId, LaunchTemplateName: "ecs", Version: "$Default" });
    expect(g.MixedInstancesPolicy.InstancesDistribution).toEqual({ OnDemandPercentageAboveBaseCapacity: 100 });
    expect(g.Instances[0].InstanceType).toBe("c5.large");
  });

  it("refuses a template EC2 does not have, or a version it lacks, in Auto Scaling's words", async () => {
    const byName = await asg.error("CreateAutoScalingGroup", { AutoScalingGroupName: "x", LaunchTemplate: { LaunchTemplateName: "nope" }, MinSize: 0, MaxSize: 1, VPCZoneIdentifier: SUBNET_A });
    expect([byName.code, byName.message]).toEqual(["ValidationError", "You must use a valid fully-formed launch template. The specified launch template, with template name nope, does not exist."]);
    const both = await asg.error("CreateAutoScalingGroup", { AutoScalingGroupName: "x", LaunchTemplate: { LaunchTemplateName: "ecs", LaunchTemplateId: templateId }, MinSize: 0, MaxSize: 1, VPCZoneIdentifier: SUBNET_A });
    expect(both.message).toBe("Valid requests must contain either launchTemplateId or LaunchTemplateName");
    const version = await asg.error("CreateAutoScalingGroup", { AutoScalingGroupName: "x", LaunchTemplate: { LaunchTemplateId: templateId, Version: "9" }, MinSize: 0, MaxSize: 1, VPCZoneIdentifier: SUBNET_A });
    expect(version.message).toMatch(/^You must use a valid fully-formed launch template\. /);
    expect(await group("x")).toBeUndefined();
  });

  it("launches a launch configuration's key pair and instance profile, as EC2 and IAM know them", async () => {
    await ec2.call("CreateKeyPair", { KeyName: "ops" });
    const profile = (await queryCaller(t, "iam").call("CreateInstanceProfile", { InstanceProfileName: "ecsInstanceRole" })).InstanceProfile;
    await asg.call("CreateLaunchConfiguration", { LaunchConfigurationName: "keyed", ImageId: AMI, InstanceType: "t3.micro", KeyName: "ops", IamInstanceProfile: "ecsInstanceRole" });
    await asg.call("CreateAutoScalingGroup", { AutoScalingGroupName: "keyed", LaunchConfigurationName: "keyed", MinSize: 1, MaxSize: 1, VPCZoneIdentifier: SUBNET_A });
    const [inst] = await ec2Instances([(await group("keyed")).Instances[0].InstanceId]);
    expect([inst.KeyName, inst.IamInstanceProfile.Arn]).toEqual(["ops", profile.Arn]);
  });

  it("rolls a new template version out with an instance refresh, and the group takes it when the refresh succeeds", async () => {
    await asg.call("CreateAutoScalingGroup", { AutoScalingGroupName: "roll", LaunchTemplate: { LaunchTemplateId: templateId, Version: "1" }, MinSize: 2, MaxSize: 3, VPCZoneIdentifier: `${SUBNET_A},${SUBNET_B}` });
    await asg.call("StartInstanceRefresh", { AutoScalingGroupName: "roll", DesiredConfiguration: { LaunchTemplate: { LaunchTemplateId: templateId, Version: "2" } }, Preferences: { MinHealthyPercentage: 50, InstanceWarmup: 0 } });
    t.advance(0);
    const g = await group("roll");
    expect(g.LaunchTemplate.Version).toBe("2");
    expect(g.Instances.map((i: any) => [i.InstanceType, i.LaunchTemplate.Version])).toEqual([["m5.large", "2"], ["m5.large", "2"]]);
    const r = (await asg.call("DescribeInstanceRefreshes", { AutoScalingGroupName: "roll" })).InstanceRefreshes[0];
    expect([r.Status, r.DesiredConfiguration]).toEqual(["Successful", { LaunchTemplate: { LaunchTemplateId: templateId, Version: "2" } }]);
  });
});
