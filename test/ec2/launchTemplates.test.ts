// Launch templates: versions, defaults, the errors EC2 answers, and RunInstances from a template
// (the template's values, the request's over them, the aws:ec2launchtemplate:* tags).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CreateLaunchTemplateCommand, DescribeLaunchTemplateVersionsCommand, EC2Client, RunInstancesCommand } from "@aws-sdk/client-ec2";
import { startLocal, type TestLocal } from "../helpers/local.js";
import { queryCaller, type QueryCaller } from "../helpers/query.js";
import { defaultSecurityGroupId, defaultSubnetId, defaultVpcId } from "../../src/services/ec2/domain/network.js";
import { ECS_AL2023_X86, imageId } from "./catalog.js";

const ACCOUNT = "000000000000";
const b64 = (s: string) => Buffer.from(s).toString("base64");
const SUBNET_B = defaultSubnetId(ACCOUNT, "us-east-1", "us-east-1b");

let t: TestLocal;
let ec2: QueryCaller;
beforeAll(async () => {
  t = await startLocal();
  ec2 = queryCaller(t, "ec2");
});
afterAll(() => t.close());

describe("launch templates and their versions", () => {
  it("creates a template with its first version, tags, and who made it; refuses a second of that name and empty data", async () => {
    const created = await ec2.call("CreateLaunchTemplate", {
      LaunchTemplateName: "web",
      VersionDescription: "first",
      LaunchTemplateData: { ImageId: "ami-0123456789abcdef0", InstanceType: "t3.small" },
      TagSpecifications: [{ ResourceType: "launch-template", Tags: [{ Key: "team", Value: "a" }] }],
    });
    expect(created.LaunchTemplate).toEqual({
      LaunchTemplateId: expect.stringMatching(/^lt-[0-9a-f]{17}$/),
      LaunchTemplateName: "web",
      CreateTime: Date.UTC(2026, 0, 1) / 1000,
      CreatedBy: `arn:aws:iam::${ACCOUNT}:root`,
      DefaultVersionNumber: 1,
      LatestVersionNumber: 1,
      Tags: [{ Key: "team", Value: "a" }],
    });
    expect(await ec2.error("CreateLaunchTemplate", { LaunchTemplateName: "web", LaunchTemplateData: { InstanceType: "t3.small" } })).toMatchObject({
      code: "InvalidLaunchTemplateName.AlreadyExistsException",
      message: "Launch template name already in use.",
    });
    // Empty data has nothing to send on the wire: the parameter is missing.
    expect(await ec2.error("CreateLaunchTemplate", { LaunchTemplateName: "empty", LaunchTemplateData: {} })).toMatchObject({ code: "MissingParameter", message: "The request must contain the parameter LaunchTemplateData" });
    expect(await ec2.error("CreateLaunchTemplate", { LaunchTemplateName: "bad-data", LaunchTemplateData: { UserData: "%%%" } })).toMatchObject({ code: "InvalidParameterValue", message: "Invalid BASE64 encoding of user data" });
    expect((await ec2.call("DescribeLaunchTemplates", { Filters: [{ Name: "launch-template-name", Values: ["empty", "bad-data"] }] })).LaunchTemplates ?? []).toEqual([]);
  });

  it("makes versions from a source version (its data with the given members over it) or from nothing, newest first", async () => {
    const id = (await ec2.call("CreateLaunchTemplate", { LaunchTemplateName: "api", LaunchTemplateData: { ImageId: "ami-0123456789abcdef0", InstanceType: "t3.small", KeyName: "k" } })).LaunchTemplate.LaunchTemplateId;
    const v2 = await ec2.call("CreateLaunchTemplateVersion", { LaunchTemplateId: id, SourceVersion: "1", VersionDescription: "bigger", LaunchTemplateData: { InstanceType: "m5.large" } });
    expect(v2.LaunchTemplateVersion).toMatchObject({ LaunchTemplateId: id, LaunchTemplateName: "api", VersionNumber: 2, VersionDescription: "bigger", DefaultVersion: false });
    expect(v2.LaunchTemplateVersion.LaunchTemplateData).toEqual({ ImageId: "ami-0123456789abcdef0", InstanceType: "m5.large", KeyName: "k" });
    const v3 = await ec2.call("CreateLaunchTemplateVersion", { LaunchTemplateName: "api", LaunchTemplateData: { InstanceType: "c5.large" } });
    expect(v3.LaunchTemplateVersion.LaunchTemplateData).toEqual({ InstanceType: "c5.large" });

    const all = await ec2.call("DescribeLaunchTemplateVersions", { LaunchTemplateName: "api" });
    expect(all.LaunchTemplateVersions.map((v: any) => [v.VersionNumber, v.DefaultVersion])).toEqual([[3, false], [2, false], [1, true]]);
    const picked = await ec2.call("DescribeLaunchTemplateVersions", { LaunchTemplateId: id, Versions: ["$Latest", "$Default", "2"] });
    expect(picked.LaunchTemplateVersions.map((v: any) => v.VersionNumber)).toEqual([3, 1, 2]);
    const range = await ec2.call("DescribeLaunchTemplateVersions", { LaunchTemplateId: id, MinVersion: "2", MaxVersion: "3" });
    expect(range.LaunchTemplateVersions.map((v: any) => v.VersionNumber)).toEqual([3, 2]);
    const filtered = await ec2.call("DescribeLaunchTemplateVersions", { LaunchTemplateId: id, Filters: [{ Name: "instance-type", Values: ["m5.*"] }] });
    expect(filtered.LaunchTemplateVersions.map((v: any) => v.VersionNumber)).toEqual([2]);

    await ec2.call("ModifyLaunchTemplate", { LaunchTemplateId: id, DefaultVersion: "2" });
    const described = await ec2.call("DescribeLaunchTemplates", { LaunchTemplateIds: [id] });
    expect(described.LaunchTemplates[0]).toMatchObject({ DefaultVersionNumber: 2, LatestVersionNumber: 3 });
    const defaults = await ec2.call("DescribeLaunchTemplateVersions", { Versions: ["$Default"] });
    expect(defaults.LaunchTemplateVersions.find((v: any) => v.LaunchTemplateId === id).VersionNumber).toBe(2);
    expect(await ec2.error("ModifyLaunchTemplate", { LaunchTemplateId: id, DefaultVersion: "9" })).toMatchObject({ code: "InvalidLaunchTemplateId.VersionNotFound", message: "The specified launch template version 9 does not exist." });
  });

  it("deletes versions one by one, reporting the default and missing ones instead of failing, then the template", async () => {
    const id = (await ec2.call("CreateLaunchTemplate", { LaunchTemplateName: "gone", LaunchTemplateData: { InstanceType: "t3.small" } })).LaunchTemplate.LaunchTemplateId;
    await ec2.call("CreateLaunchTemplateVersion", { LaunchTemplateId: id, LaunchTemplateData: { InstanceType: "t3.medium" } });
    await ec2.call("CreateLaunchTemplateVersion", { LaunchTemplateId: id, LaunchTemplateData: { InstanceType: "t3.large" } });
    const r = await ec2.call("DeleteLaunchTemplateVersions", { LaunchTemplateId: id, Versions: ["3", "1", "7"] });
    expect(r.SuccessfullyDeletedLaunchTemplateVersions).toEqual([{ LaunchTemplateId: id, LaunchTemplateName: "gone", VersionNumber: 3 }]);
    expect(r.UnsuccessfullyDeletedLaunchTemplateVersions.map((u: any) => [u.VersionNumber, u.ResponseError.Code])).toEqual([
      [1, "unexpectedError"],
      [7, "launchTemplateVersionDoesNotExist"],
    ]);
    const next = await ec2.call("CreateLaunchTemplateVersion", { LaunchTemplateId: id, LaunchTemplateData: { InstanceType: "t3.micro" } });
    expect(next.LaunchTemplateVersion.VersionNumber).toBe(4);
    const deleted = await ec2.call("DeleteLaunchTemplate", { LaunchTemplateName: "gone" });
    expect(deleted.LaunchTemplate).toMatchObject({ LaunchTemplateId: id, LaunchTemplateName: "gone", DefaultVersionNumber: 1, LatestVersionNumber: 4 });
    expect(await ec2.error("DescribeLaunchTemplates", { LaunchTemplateNames: ["gone"] })).toMatchObject({
      code: "InvalidLaunchTemplateName.NotFoundException",
      message: "At least one of the launch templates specified in the request does not exist.",
    });
    expect(await ec2.error("DescribeLaunchTemplateVersions", { LaunchTemplateName: "gone" })).toMatchObject({
      code: "InvalidLaunchTemplateName.NotFoundException",
      message: "The specified launch template, with template name gone, does not exist.",
    });
    expect(await ec2.error("DeleteLaunchTemplate", { LaunchTemplateId: id })).toMatchObject({ code: "InvalidLaunchTemplateId.NotFound", message: `The specified launch template, with template ID ${id}, does not exist.` });
    expect(await ec2.error("DeleteLaunchTemplate", { LaunchTemplateId: "lt-123" })).toMatchObject({ code: "InvalidLaunchTemplateId.Malformed" });
    expect(await ec2.error("DeleteLaunchTemplate", {})).toMatchObject({ code: "MissingParameter" });
  });
});

describe("RunInstances with LaunchTemplate", () => {
  it("launches from the template's data, with the request's values over it and the template's tags on the instance", async () => {
    const sg = await ec2.call("CreateSecurityGroup", { GroupName: "from-template", Description: "x" });
    const data = {
      ImageId: "ami-0123456789abcdef0",
      InstanceType: "t3.medium",
      UserData: b64("ECS_CLUSTER=web"),
      SecurityGroupIds: [sg.GroupId],
      EbsOptimized: true,
      MetadataOptions: { HttpTokens: "required", HttpPutResponseHopLimit: 2 },
      TagSpecifications: [{ ResourceType: "instance", Tags: [{ Key: "Name", Value: "from-lt" }, { Key: "tier", Value: "lt" }] }],
    };
    const lt = (await ec2.call("CreateLaunchTemplate", { LaunchTemplateName: "runner", LaunchTemplateData: data })).LaunchTemplate;
    await ec2.call("CreateLaunchTemplateVersion", { LaunchTemplateId: lt.LaunchTemplateId, SourceVersion: "1", LaunchTemplateData: { InstanceType: "c5.large" } });

    const byDefault = await ec2.call("RunInstances", { MinCount: 1, MaxCount: 1, LaunchTemplate: { LaunchTemplateName: "runner" } });
    const a = byDefault.Instances[0];
    expect(a).toMatchObject({ ImageId: "ami-0123456789abcdef0", InstanceType: "t3.medium", EbsOptimized: true, SecurityGroups: [{ GroupId: sg.GroupId, GroupName: "from-template" }] });
    expect(a.MetadataOptions).toEqual({ State: "pending", HttpTokens: "required", HttpPutResponseHopLimit: 2, HttpEndpoint: "enabled", HttpProtocolIpv6: "disabled", InstanceMetadataTags: "disabled" });
    expect(a.Tags).toEqual([
      { Key: "aws:ec2launchtemplate:id", Value: lt.LaunchTemplateId },
      { Key: "aws:ec2launchtemplate:version", Value: "1" },
      { Key: "Name", Value: "from-lt" },
      { Key: "tier", Value: "lt" },
    ]);
    const userData = await ec2.call("DescribeInstanceAttribute", { InstanceId: a.InstanceId, Attribute: "userData" });
    expect(userData.UserData).toEqual({ Value: b64("ECS_CLUSTER=web") });

    const latest = await ec2.call("RunInstances", {
      MinCount: 1,
      MaxCount: 1,
      InstanceType: "m5.large",
      SubnetId: SUBNET_B,
      LaunchTemplate: { LaunchTemplateId: lt.LaunchTemplateId, Version: "$Latest" },
      TagSpecifications: [{ ResourceType: "instance", Tags: [{ Key: "tier", Value: "request" }] }],
    });
    const b = latest.Instances[0];
    expect(b).toMatchObject({ InstanceType: "m5.large", SubnetId: SUBNET_B, Placement: { AvailabilityZone: "us-east-1b" } });
    expect(b.Tags).toEqual([
      { Key: "aws:ec2launchtemplate:id", Value: lt.LaunchTemplateId },
      { Key: "aws:ec2launchtemplate:version", Value: "2" },
      { Key: "Name", Value: "from-lt" },
      { Key: "tier", Value: "request" },
    ]);
    const byTag = await ec2.call("DescribeInstances", { Filters: [{ Name: "tag:aws:ec2launchtemplate:id", Values: [lt.LaunchTemplateId] }] });
    expect(byTag.Reservations.flatMap((r: any) => r.Instances.map((i: any) => i.InstanceId)).sort()).toEqual([a.InstanceId, b.InstanceId].sort());
  });

  it("puts the request's subnet and groups into the template's network interface, and refuses what EC2 refuses", async () => {
    const vpcId = defaultVpcId(ACCOUNT, "us-east-1");
    const sg = await ec2.call("CreateSecurityGroup", { GroupName: "asg", Description: "x", VpcId: vpcId });
    await ec2.call("CreateLaunchTemplate", {
      LaunchTemplateName: "nic",
      LaunchTemplateData: { ImageId: "ami-0123456789abcdef0", InstanceType: "t3.micro", NetworkInterfaces: [{ DeviceIndex: 0, AssociatePublicIpAddress: false, Groups: [defaultSecurityGroupId(ACCOUNT, "us-east-1", vpcId)] }] },
    });
    const r = await ec2.call("RunInstances", { MinCount: 1, MaxCount: 1, SubnetId: SUBNET_B, SecurityGroupIds: [sg.GroupId], LaunchTemplate: { LaunchTemplateName: "nic", Version: "1" } });
    expect(r.Instances[0]).toMatchObject({ SubnetId: SUBNET_B, SecurityGroups: [{ GroupId: sg.GroupId, GroupName: "asg" }] });
    // The default subnet maps public addresses, but the template's interface says no.
    const described = (await ec2.call("DescribeInstances", { InstanceIds: [r.Instances[0].InstanceId] })).Reservations[0].Instances[0];
    expect([described.State.Name, described.PublicIpAddress]).toEqual(["running", undefined]);
    const mapped = (await ec2.call("RunInstances", { ImageId: "ami-0123456789abcdef0", MinCount: 1, MaxCount: 1, SubnetId: SUBNET_B })).Instances[0];
    expect((await ec2.call("DescribeInstances", { InstanceIds: [mapped.InstanceId] })).Reservations[0].Instances[0].PublicIpAddress).toMatch(/^\d+\.\d+\.\d+\.\d+$/);

    await ec2.call("CreateLaunchTemplate", { LaunchTemplateName: "no-image", LaunchTemplateData: { InstanceType: "t3.micro" } });
    expect(await ec2.error("RunInstances", { MinCount: 1, MaxCount: 1, LaunchTemplate: { LaunchTemplateName: "no-image" } })).toMatchObject({
      code: "MissingParameter",
      message: "The request must contain the parameter ImageId",
    });
    expect(await ec2.error("RunInstances", { MinCount: 1, MaxCount: 1, LaunchTemplate: { LaunchTemplateName: "nowhere" } })).toMatchObject({
      code: "InvalidLaunchTemplateName.NotFoundException",
      message: "The specified launch template, with template name nowhere, does not exist.",
    });
    expect(await ec2.error("RunInstances", { MinCount: 1, MaxCount: 1, LaunchTemplate: { LaunchTemplateName: "nic", Version: "5" } })).toMatchObject({ code: "InvalidLaunchTemplateId.VersionNotFound" });
    expect(await ec2.error("RunInstances", { ImageId: "ami-0123456789abcdef0", MinCount: 1, MaxCount: 1, SubnetId: SUBNET_B, NetworkInterfaces: [{ DeviceIndex: 0, SubnetId: SUBNET_B }] })).toMatchObject({
      code: "InvalidParameterCombination",
      message: "Network interfaces and an instance-level subnet ID may not be specified on the same request",
    });
    const left = await ec2.call("DescribeInstances", { Filters: [{ Name: "tag:aws:ec2launchtemplate:id", Values: ["*"] }, { Name: "instance-type", Values: ["t3.micro"] }] });
    expect(left.Reservations.flatMap((x: any) => x.Instances)).toHaveLength(1);
  });

  it("takes an instance profile IAM has, by name or ARN, from the request or the template, and refuses one it does not have", async () => {
    expect(await ec2.error("RunInstances", { ImageId: "ami-0123456789abcdef0", MinCount: 1, MaxCount: 1, IamInstanceProfile: { Name: "ecsInstanceRole" } })).toMatchObject({
      code: "InvalidParameterValue",
      message: "Value (ecsInstanceRole) for parameter iamInstanceProfile.name is invalid. Invalid IAM Instance Profile name",
    });
    const arn = `arn:aws:iam::${ACCOUNT}:instance-profile/ecsInstanceRole`;
    expect(await ec2.error("RunInstances", { ImageId: "ami-0123456789abcdef0", MinCount: 1, MaxCount: 1, IamInstanceProfile: { Arn: arn } })).toMatchObject({
      code: "InvalidParameterValue",
      message: `Value (${arn}) for parameter iamInstanceProfile.arn is invalid. Invalid IAM Instance Profile ARN`,
    });
    await ec2.call("CreateLaunchTemplate", { LaunchTemplateName: "with-profile", LaunchTemplateData: { ImageId: "ami-0123456789abcdef0", IamInstanceProfile: { Name: "ecsInstanceRole" } } });
    expect(await ec2.error("RunInstances", { MinCount: 1, MaxCount: 1, LaunchTemplate: { LaunchTemplateName: "with-profile" } })).toMatchObject({ code: "InvalidParameterValue" });

    // Once IAM has it, by name or ARN, and DescribeInstances shows its ARN and id.
    const iam = queryCaller(t, "iam");
    const profile = (await iam.call("CreateInstanceProfile", { InstanceProfileName: "ecsInstanceRole" })).InstanceProfile;
    expect(profile.Arn).toBe(arn);
    const fromTemplate = (await ec2.call("RunInstances", { MinCount: 1, MaxCount: 1, LaunchTemplate: { LaunchTemplateName: "with-profile" } })).Instances[0];
    expect(fromTemplate.IamInstanceProfile).toEqual({ Arn: arn, Id: profile.InstanceProfileId });
    const byArn = (await ec2.call("RunInstances", { ImageId: "ami-0123456789abcdef0", MinCount: 1, MaxCount: 1, IamInstanceProfile: { Arn: arn } })).Instances[0];
    const described = (await ec2.call("DescribeInstances", { InstanceIds: [byArn.InstanceId] })).Reservations[0].Instances[0];
    expect(described.IamInstanceProfile).toEqual({ Arn: arn, Id: profile.InstanceProfileId });
  });

  it("launches from an SSM parameter in place of the image id, resolved at launch", async () => {
    const alias = "resolve:ssm:/aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id";
    const lt = (await ec2.call("CreateLaunchTemplate", { LaunchTemplateName: "ssm-image", LaunchTemplateData: { ImageId: alias, InstanceType: "m5.large" } })).LaunchTemplate;
    const kept = await ec2.call("DescribeLaunchTemplateVersions", { LaunchTemplateId: lt.LaunchTemplateId });
    expect(kept.LaunchTemplateVersions[0].LaunchTemplateData.ImageId).toBe(alias);
    const resolved = await ec2.call("DescribeLaunchTemplateVersions", { LaunchTemplateId: lt.LaunchTemplateId, ResolveAlias: true });
    expect(resolved.LaunchTemplateVersions[0].LaunchTemplateData.ImageId).toBe(imageId(ECS_AL2023_X86));
    const r = await ec2.call("RunInstances", { MinCount: 1, MaxCount: 1, LaunchTemplate: { LaunchTemplateId: lt.LaunchTemplateId } });
    expect(r.Instances[0].ImageId).toBe(imageId(ECS_AL2023_X86));
    expect(await ec2.error("CreateLaunchTemplate", { LaunchTemplateName: "no-param", LaunchTemplateData: { ImageId: "resolve:ssm:/nowhere" } })).toMatchObject({ code: "SsmInvalidParameter" });
  });

  it("answers the SDK v3 client", async () => {
    const client = new EC2Client({ endpoint: t.url, region: "us-east-1", credentials: { accessKeyId: "test", secretAccessKey: "test" } });
    const lt = await client.send(new CreateLaunchTemplateCommand({ LaunchTemplateName: "sdk", LaunchTemplateData: { ImageId: "ami-0123456789abcdef0", InstanceType: "t3.small", BlockDeviceMappings: [{ DeviceName: "/dev/xvda", Ebs: { VolumeSize: 30, VolumeType: "gp3" } }] } }));
    expect(lt.LaunchTemplate!.CreateTime).toBeInstanceOf(Date);
    const versions = await client.send(new DescribeLaunchTemplateVersionsCommand({ LaunchTemplateId: lt.LaunchTemplate!.LaunchTemplateId, Versions: ["$Latest"] }));
    expect(versions.LaunchTemplateVersions![0].LaunchTemplateData!.BlockDeviceMappings).toEqual([{ DeviceName: "/dev/xvda", Ebs: { VolumeSize: 30, VolumeType: "gp3" } }]);
    const run = await client.send(new RunInstancesCommand({ MinCount: 1, MaxCount: 1, LaunchTemplate: { LaunchTemplateId: lt.LaunchTemplate!.LaunchTemplateId, Version: "$Default" } }));
    expect(run.Instances![0].BlockDeviceMappings![0]).toMatchObject({ DeviceName: "/dev/xvda", Ebs: { DeleteOnTermination: true, Status: "attached", VolumeId: expect.stringMatching(/^vol-/) } });
  });
});
