// Instance attributes: every DescribeInstanceAttribute value, ModifyInstanceAttribute (what needs the
// instance stopped, termination and stop protection), metadata options, CPU credits, root volumes
// and GetLaunchTemplateData; and the account's attributes and instance type offerings.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startLocal, type TestLocal } from "../helpers/local.js";
import { queryCaller, type QueryCaller } from "../helpers/query.js";
import { defaultSecurityGroupId, defaultVpcId } from "../../src/services/ec2/domain/network.js";

const ACCOUNT = "000000000000";
const VPC = defaultVpcId(ACCOUNT, "us-east-1");
const DEFAULT_SG = defaultSecurityGroupId(ACCOUNT, "us-east-1", VPC);
const b64 = (s: string) => Buffer.from(s).toString("base64");

let t: TestLocal;
let ec2: QueryCaller;
beforeAll(async () => {
  t = await startLocal();
  ec2 = queryCaller(t, "ec2");
});
afterAll(() => t.close());

async function launch(extra: Record<string, unknown> = {}): Promise<any> {
  return (await ec2.call("RunInstances", { ImageId: "ami-0123456789abcdef0", InstanceType: "t3.micro", MinCount: 1, MaxCount: 1, ...extra })).Instances[0];
}
const attr = (id: string, Attribute: string) => ec2.call("DescribeInstanceAttribute", { InstanceId: id, Attribute });

describe("DescribeInstanceAttribute", () => {
  it("answers every attribute of a launched instance", async () => {
    const i = await launch({ UserData: b64("#!/bin/bash\necho hi"), DisableApiTermination: true, InstanceInitiatedShutdownBehavior: "terminate" });
    const id = i.InstanceId;
    const volumeId = i.BlockDeviceMappings[0].Ebs.VolumeId;
    expect(await attr(id, "instanceType")).toEqual({ InstanceId: id, InstanceType: { Value: "t3.micro" } });
    expect(await attr(id, "userData")).toEqual({ InstanceId: id, UserData: { Value: b64("#!/bin/bash\necho hi") } });
    expect(await attr(id, "disableApiTermination")).toEqual({ InstanceId: id, DisableApiTermination: { Value: true } });
    expect(await attr(id, "disableApiStop")).toEqual({ InstanceId: id, DisableApiStop: { Value: false } });
    expect(await attr(id, "instanceInitiatedShutdownBehavior")).toEqual({ InstanceId: id, InstanceInitiatedShutdownBehavior: { Value: "terminate" } });
    expect(await attr(id, "rootDeviceName")).toEqual({ InstanceId: id, RootDeviceName: { Value: "/dev/xvda" } });
    expect(await attr(id, "blockDeviceMapping")).toEqual({ InstanceId: id, BlockDeviceMappings: [{ DeviceName: "/dev/xvda", Ebs: { AttachTime: Date.UTC(2026, 0, 1) / 1000, DeleteOnTermination: true, Status: "attached", VolumeId: volumeId } }] });
    expect(await attr(id, "groupSet")).toEqual({ InstanceId: id, Groups: [{ GroupId: DEFAULT_SG, GroupName: "default" }] });
    expect(await attr(id, "sourceDestCheck")).toEqual({ InstanceId: id, SourceDestCheck: { Value: true } });
    expect(await attr(id, "ebsOptimized")).toEqual({ InstanceId: id, EbsOptimized: { Value: false } });
    expect(await attr(id, "enaSupport")).toEqual({ InstanceId: id, EnaSupport: { Value: true } });
    expect(await attr(id, "enclaveOptions")).toEqual({ InstanceId: id, EnclaveOptions: { Enabled: false } });
    expect(await attr(id, "productCodes")).toEqual({ InstanceId: id, ProductCodes: [] });
    expect((await attr(id, "kernel")).InstanceId).toBe(id);
    expect(await ec2.error("DescribeInstanceAttribute", { InstanceId: "i-0000000000000dead", Attribute: "userData" })).toMatchObject({ code: "InvalidInstanceID.NotFound" });

    expect(await ec2.error("TerminateInstances", { InstanceIds: [id] })).toMatchObject({
      code: "OperationNotPermitted",
      message: `The instance '${id}' may not be terminated. Modify its 'disableApiTermination' instance attribute and try again.`,
    });
    expect((await ec2.call("DescribeInstances", { InstanceIds: [id] })).Reservations[0].Instances[0].State.Name).toBe("running");
    await ec2.call("ModifyInstanceAttribute", { InstanceId: id, DisableApiTermination: { Value: false } });
    await ec2.call("TerminateInstances", { InstanceIds: [id] });
    expect(await ec2.error("DescribeVolumes", { VolumeIds: [volumeId] })).toMatchObject({ code: "InvalidVolume.NotFound", message: `The volume '${volumeId}' does not exist.` });
  });
});

describe("ModifyInstanceAttribute", () => {
  it("changes type and user data only while stopped, one attribute per call", async () => {
    const { InstanceId: id } = await launch({ DisableApiStop: true });
    expect(await ec2.error("StopInstances", { InstanceIds: [id] })).toMatchObject({
      code: "OperationNotPermitted",
      message: `The instance '${id}' may not be stopped. Modify its 'disableApiStop' instance attribute and try again.`,
    });
    await ec2.call("ModifyInstanceAttribute", { InstanceId: id, Attribute: "disableApiStop", Value: "false" });
    expect(await ec2.error("ModifyInstanceAttribute", { InstanceId: id, InstanceType: { Value: "t3.large" } })).toMatchObject({ code: "IncorrectInstanceState", message: `The instance '${id}' is not in the 'stopped' state.` });
    await ec2.call("StopInstances", { InstanceIds: [id] });
    t.advance(60_000);
    expect(await ec2.error("ModifyInstanceAttribute", { InstanceId: id, InstanceType: { Value: "t3.large" }, UserData: { Value: b64("x") } })).toMatchObject({
      code: "InvalidParameterCombination",
      message: "Fields for multiple attribute types specified: instanceType, userData",
    });
    expect(await ec2.error("ModifyInstanceAttribute", { InstanceId: id, InstanceType: { Value: "t9.huge" } })).toMatchObject({ code: "InvalidInstanceAttributeValue" });
    await ec2.call("ModifyInstanceAttribute", { InstanceId: id, InstanceType: { Value: "m5.large" } });
    await ec2.call("ModifyInstanceAttribute", { InstanceId: id, UserData: { Value: b64("ECS_CLUSTER=later") } });
    const i = (await ec2.call("DescribeInstances", { InstanceIds: [id] })).Reservations[0].Instances[0];
    expect([i.InstanceType, i.CpuOptions]).toEqual(["m5.large", { CoreCount: 1, ThreadsPerCore: 2 }]);
    expect((await attr(id, "userData")).UserData).toEqual({ Value: b64("ECS_CLUSTER=later") });
    expect(await ec2.error("DescribeInstanceCreditSpecifications", { InstanceIds: [id] })).toMatchObject({ code: "InstanceCreditSpecification.NotSupported" });
  });

  it("replaces security groups on the instance and its interface, and source/dest check, while running", async () => {
    const { InstanceId: id, NetworkInterfaces } = await launch();
    const sg = await ec2.call("CreateSecurityGroup", { GroupName: "swap", Description: "x" });
    await ec2.call("ModifyInstanceAttribute", { InstanceId: id, Groups: [sg.GroupId] });
    expect((await attr(id, "groupSet")).Groups).toEqual([{ GroupId: sg.GroupId, GroupName: "swap" }]);
    const eni = await ec2.call("DescribeNetworkInterfaces", { NetworkInterfaceIds: [NetworkInterfaces[0].NetworkInterfaceId] });
    expect(eni.NetworkInterfaces[0].Groups).toEqual([{ GroupId: sg.GroupId, GroupName: "swap" }]);
    expect(await ec2.error("ModifyInstanceAttribute", { InstanceId: id, Groups: ["sg-0000000000000dead"] })).toMatchObject({ code: "InvalidGroup.NotFound" });
    await ec2.call("ModifyInstanceAttribute", { InstanceId: id, SourceDestCheck: { Value: false } });
    expect((await ec2.call("DescribeInstances", { InstanceIds: [id] })).Reservations[0].Instances[0].SourceDestCheck).toBe(false);
  });

  it("keeps a root volume whose DeleteOnTermination was turned off", async () => {
    const i = await launch();
    const volumeId = i.BlockDeviceMappings[0].Ebs.VolumeId;
    await ec2.call("ModifyInstanceAttribute", { InstanceId: i.InstanceId, BlockDeviceMappings: [{ DeviceName: "/dev/xvda", Ebs: { DeleteOnTermination: false } }] });
    await ec2.call("TerminateInstances", { InstanceIds: [i.InstanceId] });
    t.advance(60_000);
    const v = await ec2.call("DescribeVolumes", { Filters: [{ Name: "volume-id", Values: [volumeId] }] });
    expect(v.Volumes[0]).toMatchObject({ VolumeId: volumeId, State: "available", Size: 8, VolumeType: "gp2" });
    expect(v.Volumes[0].Attachments ?? []).toEqual([]);
  });
});

describe("metadata options, CPU credits, launch template data", () => {
  it("modifies metadata options: pending in the answer, applied after", async () => {
    const { InstanceId: id, MetadataOptions } = await launch();
    expect(MetadataOptions).toEqual({ State: "pending", HttpTokens: "optional", HttpPutResponseHopLimit: 1, HttpEndpoint: "enabled", HttpProtocolIpv6: "disabled", InstanceMetadataTags: "disabled" });
    const r = await ec2.call("ModifyInstanceMetadataOptions", { InstanceId: id, HttpTokens: "required", HttpPutResponseHopLimit: 2 });
    expect(r).toEqual({ InstanceId: id, InstanceMetadataOptions: { State: "pending", HttpTokens: "required", HttpPutResponseHopLimit: 2, HttpEndpoint: "enabled", HttpProtocolIpv6: "disabled", InstanceMetadataTags: "disabled" } });
    expect((await ec2.call("DescribeInstances", { InstanceIds: [id] })).Reservations[0].Instances[0].MetadataOptions).toMatchObject({ State: "applied", HttpTokens: "required" });
  });

  it("answers burstable instances' credit options and changes them", async () => {
    const t3 = (await launch()).InstanceId;
    const t2 = (await launch({ InstanceType: "t2.micro" })).InstanceId;
    const both = await ec2.call("DescribeInstanceCreditSpecifications", { InstanceIds: [t3, t2] });
    expect(both.InstanceCreditSpecifications).toEqual([{ InstanceId: t3, CpuCredits: "unlimited" }, { InstanceId: t2, CpuCredits: "standard" }]);
    const r = await ec2.call("ModifyInstanceCreditSpecification", { InstanceCreditSpecifications: [{ InstanceId: t2, CpuCredits: "unlimited" }, { InstanceId: "i-0000000000000dead", CpuCredits: "standard" }] });
    expect(r.SuccessfulInstanceCreditSpecifications).toEqual([{ InstanceId: t2 }]);
    expect(r.UnsuccessfulInstanceCreditSpecifications).toEqual([{ InstanceId: "i-0000000000000dead", Error: { Code: "InvalidInstanceID.NotFound", Message: "The instance ID 'i-0000000000000dead' does not exist" } }]);
    const unlimited = await ec2.call("DescribeInstanceCreditSpecifications", {});
    expect(unlimited.InstanceCreditSpecifications.map((s: any) => s.InstanceId)).toEqual(expect.arrayContaining([t3, t2]));
  });

  it("GetLaunchTemplateData turns an instance into template data", async () => {
    const i = await launch({ UserData: b64("ECS_CLUSTER=x"), TagSpecifications: [{ ResourceType: "instance", Tags: [{ Key: "Name", Value: "src" }] }] });
    const { LaunchTemplateData: d } = await ec2.call("GetLaunchTemplateData", { InstanceId: i.InstanceId });
    expect(d).toMatchObject({
      ImageId: "ami-0123456789abcdef0",
      InstanceType: "t3.micro",
      UserData: b64("ECS_CLUSTER=x"),
      CreditSpecification: { CpuCredits: "unlimited" },
      BlockDeviceMappings: [{ DeviceName: "/dev/xvda", Ebs: { DeleteOnTermination: true } }],
      NetworkInterfaces: [{ DeviceIndex: 0, Groups: [DEFAULT_SG], SubnetId: i.SubnetId, PrivateIpAddress: i.PrivateIpAddress, AssociatePublicIpAddress: true }],
      TagSpecifications: [{ ResourceType: "instance", Tags: [{ Key: "Name", Value: "src" }] }],
    });
    const lt = await ec2.call("CreateLaunchTemplate", { LaunchTemplateName: "copied", LaunchTemplateData: { ...d, NetworkInterfaces: [{ DeviceIndex: 0, Groups: [DEFAULT_SG] }] } });
    expect(lt.LaunchTemplate.LatestVersionNumber).toBe(1);
  });
});

describe("account attributes and instance type offerings", () => {
  it("answers the account's attributes with its default VPC", async () => {
    const r = await ec2.call("DescribeAccountAttributes", {});
    const byName = Object.fromEntries(r.AccountAttributes.map((a: any) => [a.AttributeName, a.AttributeValues.map((v: any) => v.AttributeValue)]));
    expect(byName).toEqual({ "default-vpc": [VPC], "supported-platforms": ["VPC"], "max-instances": ["20"], "vpc-max-security-groups-per-interface": ["5"], "max-elastic-ips": ["5"], "vpc-max-elastic-ips": ["5"] });
    expect((await ec2.call("DescribeAccountAttributes", { AttributeNames: ["default-vpc"] })).AccountAttributes).toEqual([{ AttributeName: "default-vpc", AttributeValues: [{ AttributeValue: VPC }] }]);
    // What Ansible's ec2_instance sends to find the default VPC.
    expect((await ec2.call("DescribeVpcs", { Filters: [{ Name: "isDefault", Values: ["true"] }] })).Vpcs.map((v: any) => v.VpcId)).toEqual([VPC]);
  });

  it("offers the known types in the region, each zone and each zone id", async () => {
    const region = await ec2.call("DescribeInstanceTypeOfferings", { Filters: [{ Name: "instance-type", Values: ["t3.micro"] }] });
    expect(region.InstanceTypeOfferings).toEqual([{ InstanceType: "t3.micro", LocationType: "region", Location: "us-east-1" }]);
    const zones = await ec2.call("DescribeInstanceTypeOfferings", { LocationType: "availability-zone", Filters: [{ Name: "instance-type", Values: ["m5.large"] }] });
    expect(zones.InstanceTypeOfferings.map((o: any) => o.Location)).toEqual(["us-east-1a", "us-east-1b", "us-east-1c"]);
    const ids = await ec2.call("DescribeInstanceTypeOfferings", { LocationType: "availability-zone-id", Filters: [{ Name: "location", Values: ["use1-az2"] }, { Name: "instance-type", Values: ["c5.*"] }] });
    expect(ids.InstanceTypeOfferings.every((o: any) => o.Location === "use1-az2" && o.InstanceType.startsWith("c5."))).toBe(true);
    expect(ids.InstanceTypeOfferings.length).toBeGreaterThan(3);
    expect((await ec2.call("DescribeInstanceTypeOfferings", { Filters: [{ Name: "instance-type", Values: ["p5.48xlarge"] }] })).InstanceTypeOfferings ?? []).toEqual([]);
  });
});
