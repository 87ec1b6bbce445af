// Images: Amazon's public ones (owners, filters, deprecation) and the account's own (RegisterImage,
// DescribeImageAttribute, DeregisterImage), and what an instance takes from its image.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DescribeImagesCommand, EC2Client } from "@aws-sdk/client-ec2";
import { startLocal, type TestLocal } from "../helpers/local.js";
import { queryCaller, type QueryCaller } from "../helpers/query.js";
import { AL1_EBS, AL1_GP2, AL2023, BOTTLEROCKET_X86, ECS_AL2023_ARM, ECS_AL2023_X86, ECS_AL2_ARM, imageId } from "./catalog.js";
import { ECS_AMI_RELEASE } from "../../src/services/ec2/domain/publicImages.js";

const ids = Object.fromEntries([AL1_EBS, AL1_GP2, AL2023, BOTTLEROCKET_X86, ECS_AL2023_ARM, ECS_AL2023_X86, ECS_AL2_ARM].map((n) => [n, imageId(n)]));
const RELEASE_DAY = `${ECS_AMI_RELEASE.slice(0, 4)}-${ECS_AMI_RELEASE.slice(4, 6)}-${ECS_AMI_RELEASE.slice(6, 8)}`;
let t: TestLocal;
let ec2: QueryCaller;
beforeAll(async () => {
  t = await startLocal();
  ec2 = queryCaller(t, "ec2");
});
afterAll(() => t.close());

const names = (r: any) => (r.Images ?? []).map((i: any) => i.Name).sort();

describe("Amazon's public images", () => {
  it("answers an ECS-optimized image as DescribeImages shows Amazon's", async () => {
    const r = await ec2.call("DescribeImages", { ImageIds: [ids[ECS_AL2023_X86]] });
    expect(r.Images).toEqual([
      {
        Architecture: "x86_64",
        CreationDate: `${RELEASE_DAY}T00:00:00.000Z`,
        ImageId: ids[ECS_AL2023_X86],
        ImageLocation: `amazon/${ECS_AL2023_X86}`,
        ImageType: "machine",
        Public: true,
        OwnerId: "591542846629",
        PlatformDetails: "Linux/UNIX",
        UsageOperation: "RunInstances",
        State: "available",
        BlockDeviceMappings: [{ DeviceName: "/dev/xvda", Ebs: { DeleteOnTermination: true, SnapshotId: expect.stringMatching(/^snap-0[0-9a-f]{16}$/), VolumeSize: 30, VolumeType: "gp3", Encrypted: false } }],
        Description: `Amazon Linux AMI 2023.0.${ECS_AMI_RELEASE} x86_64 ECS HVM EBS`,
        EnaSupport: true,
        Hypervisor: "xen",
        ImageOwnerAlias: "amazon",
        Name: ECS_AL2023_X86,
        RootDeviceName: "/dev/xvda",
        RootDeviceType: "ebs",
        SriovNetSupport: "simple",
        VirtualizationType: "hvm",
        BootMode: "uefi-preferred",
        ImdsSupport: "v2.0",
        DeprecationTime: `${Number(RELEASE_DAY.slice(0, 4)) + 2}${RELEASE_DAY.slice(4)}T00:00:00.000Z`,
      },
    ]);
  });

  it("finds images by owner, name wildcards and other filters, leaves deprecated ones out unless asked", async () => {
    const ecs = await ec2.call("DescribeImages", { Owners: ["amazon"], Filters: [{ Name: "name", Values: ["al2023-ami-ecs-hvm-*"] }] });
    expect(names(ecs)).toEqual([ECS_AL2023_ARM, ECS_AL2023_X86].sort());
    const arm = await ec2.call("DescribeImages", { Owners: ["591542846629"], Filters: [{ Name: "architecture", Values: ["arm64"] }, { Name: "name", Values: ["*-ecs-hvm-*"] }] });
    expect(names(arm)).toEqual([ECS_AL2_ARM, ECS_AL2023_ARM].sort());
    // Amazon Linux 1's last images (2023-12-18) were deprecated two years on, before the clock's 2026-01-01.
    const al1 = { Owners: ["137112412989"], Filters: [{ Name: "name", Values: ["amzn-ami-hvm-*"] }] };
    expect(names(await ec2.call("DescribeImages", al1))).toEqual([]);
    expect(names(await ec2.call("DescribeImages", { ...al1, IncludeDeprecated: true }))).toEqual([AL1_EBS, AL1_GP2]);
    expect(names(await ec2.call("DescribeImages", { ImageIds: [ids[AL1_GP2]] }))).toEqual([AL1_GP2]);
    const al = await ec2.call("DescribeImages", { Owners: ["137112412989"], Filters: [{ Name: "name", Values: ["al2023-ami-2023.*-kernel-6.1-x86_64"] }, { Name: "state", Values: ["available"] }] });
    expect(names(al)).toEqual([AL2023]);
    const rocket = (await ec2.call("DescribeImages", { ImageIds: [ids[BOTTLEROCKET_X86]] })).Images[0];
    expect(rocket.BlockDeviceMappings.map((m: any) => [m.DeviceName, m.Ebs.VolumeSize])).toEqual([["/dev/xvda", 2], ["/dev/xvdb", 20]]);
    expect(names(await ec2.call("DescribeImages", { Owners: ["self"] }))).toEqual([]);
    const page = await ec2.call("DescribeImages", { Owners: ["amazon"], MaxResults: 5 });
    const next = await ec2.call("DescribeImages", { Owners: ["amazon"], MaxResults: 5, NextToken: page.NextToken });
    expect([page.Images.length, next.Images.length]).toEqual([5, 5]);
    expect(names(page).filter((n: string) => names(next).includes(n))).toEqual([]);
  });

  it("refuses unknown and malformed ids, owners and filters in EC2's words", async () => {
    expect(await ec2.error("DescribeImages", { ImageIds: ["ami-0000000000000dead"] })).toMatchObject({ code: "InvalidAMIID.NotFound", message: "The image id '[ami-0000000000000dead]' does not exist" });
    expect(await ec2.error("DescribeImages", { ImageIds: ["ami-xyz"] })).toMatchObject({ code: "InvalidAMIID.Malformed", message: 'Invalid id: "ami-xyz" (expecting "ami-...")' });
    expect(await ec2.error("DescribeImages", { Owners: ["nobody"] })).toMatchObject({ code: "InvalidUserID.Malformed", message: 'Invalid user id: "nobody"' });
    expect(await ec2.error("DescribeImages", { Filters: [{ Name: "colour", Values: ["red"] }] })).toMatchObject({ code: "InvalidParameterValue", message: "The filter 'colour' is invalid" });
  });
});

describe("the account's own images", () => {
  it("registers, describes, tags and deregisters an image; only its owner may", async () => {
    const { ImageId } = await ec2.call("RegisterImage", {
      Name: "golden-1",
      Description: "our base",
      Architecture: "arm64",
      RootDeviceName: "/dev/xvda",
      VirtualizationType: "hvm",
      EnaSupport: true,
      BlockDeviceMappings: [{ DeviceName: "/dev/xvda", Ebs: { SnapshotId: "snap-0123456789abcdef0", VolumeSize: 20 } }],
      TagSpecifications: [{ ResourceType: "image", Tags: [{ Key: "team", Value: "a" }] }],
    });
    expect(ImageId).toMatch(/^ami-0[0-9a-f]{16}$/);
    const own = await ec2.call("DescribeImages", { Owners: ["self"] });
    expect(own.Images).toEqual([
      expect.objectContaining({
        ImageId,
        Name: "golden-1",
        OwnerId: "000000000000",
        Public: false,
        State: "available",
        Architecture: "arm64",
        ImageLocation: "000000000000/golden-1",
        RootDeviceName: "/dev/xvda",
        RootDeviceType: "ebs",
        BlockDeviceMappings: [{ DeviceName: "/dev/xvda", Ebs: { SnapshotId: "snap-0123456789abcdef0", VolumeSize: 20, DeleteOnTermination: true, VolumeType: "gp2", Encrypted: false } }],
        Tags: [{ Key: "team", Value: "a" }],
      }),
    ]);
    expect(await ec2.error("RegisterImage", { Name: "golden-1" })).toMatchObject({ code: "InvalidAMIName.Duplicate", message: `AMI name golden-1 is already in use by AMI ${ImageId}` });
    expect(await ec2.call("DescribeImageAttribute", { ImageId, Attribute: "description" })).toEqual({ ImageId, Description: { Value: "our base" } });
    expect(await ec2.call("DescribeImageAttribute", { ImageId: ids[AL2023], Attribute: "launchPermission" })).toEqual({ ImageId: ids[AL2023], LaunchPermissions: [{ Group: "all" }] });
    await ec2.call("CreateTags", { Resources: [ImageId], Tags: [{ Key: "stage", Value: "prod" }] });
    expect(names(await ec2.call("DescribeImages", { Filters: [{ Name: "tag:stage", Values: ["prod"] }] }))).toEqual(["golden-1"]);

    expect(await ec2.error("RunInstances", { ImageId, InstanceType: "m5.large", MinCount: 1, MaxCount: 1 })).toMatchObject({
      code: "InvalidParameterValue",
      message: expect.stringContaining("The architecture 'x86_64' of the specified instance type does not match the architecture 'arm64' of the specified AMI."),
    });
    const r = await ec2.call("RunInstances", { ImageId, InstanceType: "m7g.large", MinCount: 1, MaxCount: 1 });
    expect(r.Instances[0]).toMatchObject({ Architecture: "arm64", RootDeviceName: "/dev/xvda", CurrentInstanceBootMode: "uefi" });

    expect(await ec2.error("DeregisterImage", { ImageId: ids[AL2023] })).toMatchObject({ code: "AuthFailure" });
    expect(await ec2.call("DeregisterImage", { ImageId })).toEqual({ Return: true });
    expect(await ec2.error("DescribeImages", { ImageIds: [ImageId] })).toMatchObject({ code: "InvalidAMIID.NotFound" });
  });
});

describe("CreateImage", () => {
  it("images an instance: a snapshot per volume, available once the clock has moved as for a launch (at once by default), launchable", async () => {
    const source = (await ec2.call("RunInstances", { ImageId: ids[AL2023], InstanceType: "t3.small", MinCount: 1, MaxCount: 1, BlockDeviceMappings: [{ DeviceName: "/dev/xvda", Ebs: { VolumeSize: 12, VolumeType: "gp3" } }] })).Instances[0];
    const { ImageId } = await ec2.call("CreateImage", { InstanceId: source.InstanceId, Name: "baked", Description: "from an instance", TagSpecifications: [{ ResourceType: "image", Tags: [{ Key: "built", Value: "ci" }] }] });
    const pending = (await ec2.call("DescribeImages", { ImageIds: [ImageId] })).Images[0];
    expect(pending).toMatchObject({ State: "available", Name: "baked", SourceInstanceId: source.InstanceId, Architecture: "x86_64", RootDeviceName: "/dev/xvda", Tags: [{ Key: "built", Value: "ci" }] });
    expect(pending.BlockDeviceMappings).toEqual([{ DeviceName: "/dev/xvda", Ebs: { DeleteOnTermination: true, SnapshotId: expect.stringMatching(/^snap-0[0-9a-f]{16}$/), VolumeSize: 12, VolumeType: "gp3", Iops: 3000, Throughput: 125, Encrypted: false } }]);
    expect(await ec2.error("CreateImage", { InstanceId: source.InstanceId, Name: "baked" })).toMatchObject({ code: "InvalidAMIName.Duplicate", message: `AMI name baked is already in use by AMI ${ImageId}` });
    expect((await ec2.call("DescribeImages", { Owners: ["self"], Filters: [{ Name: "name", Values: ["baked"] }, { Name: "state", Values: ["available"] }] })).Images.map((i: any) => i.ImageId)).toEqual([ImageId]);
    const copy = (await ec2.call("RunInstances", { ImageId, InstanceType: "t3.small", MinCount: 1, MaxCount: 1 })).Instances[0];
    expect(copy.BlockDeviceMappings[0].DeviceName).toBe("/dev/xvda");
    const v = await ec2.call("DescribeVolumes", { VolumeIds: [copy.BlockDeviceMappings[0].Ebs.VolumeId] });
    expect(v.Volumes[0]).toMatchObject({ Size: 12, VolumeType: "gp3", SnapshotId: pending.BlockDeviceMappings[0].Ebs.SnapshotId });
  });
});

describe("instances take their image's facts", () => {
  it("an ECS-optimized AL2023 instance: IMDSv2 required, its boot mode and root volume", async () => {
    const r = await ec2.call("RunInstances", { ImageId: ids[ECS_AL2023_X86], InstanceType: "m5.large", MinCount: 1, MaxCount: 1, BlockDeviceMappings: [{ DeviceName: "/dev/xvda", Ebs: { VolumeSize: 50 } }] });
    const i = r.Instances[0];
    expect(i).toMatchObject({ PlatformDetails: "Linux/UNIX", UsageOperation: "RunInstances", BootMode: "uefi-preferred", CurrentInstanceBootMode: "legacy-bios", RootDeviceName: "/dev/xvda" });
    expect(i.MetadataOptions).toMatchObject({ HttpTokens: "required", HttpPutResponseHopLimit: 2 });
    const volumeId = i.BlockDeviceMappings[0].Ebs.VolumeId;
    const v = await ec2.call("DescribeVolumes", { VolumeIds: [volumeId] });
    expect(v.Volumes[0]).toMatchObject({ Size: 50, VolumeType: "gp3", Iops: 3000, Throughput: 125, State: "in-use", Attachments: [{ Device: "/dev/xvda", InstanceId: i.InstanceId, State: "attached", DeleteOnTermination: true }] });
    expect(await ec2.error("RunInstances", { ImageId: ids[ECS_AL2023_X86], InstanceType: "m5.large", MinCount: 1, MaxCount: 1, BlockDeviceMappings: [{ DeviceName: "/dev/xvda", Ebs: { VolumeSize: 10 } }] })).toMatchObject({
      code: "InvalidBlockDeviceMapping",
      message: expect.stringMatching(/^Volume of size 10GB is smaller than snapshot 'snap-0[0-9a-f]{16}', expect size >= 30GB$/),
    });
  });

  it("answers the SDK v3 client", async () => {
    const client = new EC2Client({ endpoint: t.url, region: "us-east-1", credentials: { accessKeyId: "test", secretAccessKey: "test" } });
    const r = await client.send(new DescribeImagesCommand({ Owners: ["amazon"], Filters: [{ Name: "name", Values: [ECS_AL2023_ARM] }] }));
    expect(r.Images!.map((i) => [i.ImageId, i.Architecture, i.Public, i.BlockDeviceMappings![0].Ebs!.VolumeSize])).toEqual([[ids[ECS_AL2023_ARM], "arm64", true, 30]]);
  });
});
