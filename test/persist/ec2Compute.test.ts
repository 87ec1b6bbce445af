// --state-dir keeps EC2's compute resources: key pairs (the same key, so the private key the user saved
// still matches), registered images, launch templates with their versions and default, instances'
// attributes and root volumes; and ids made after the restart are new ones.
import {
  CreateKeyPairCommand,
  CreateLaunchTemplateCommand,
  CreateLaunchTemplateVersionCommand,
  DescribeImagesCommand,
  DescribeInstanceAttributeCommand,
  DescribeKeyPairsCommand,
  DescribeLaunchTemplateVersionsCommand,
  DescribeLaunchTemplatesCommand,
  DescribeVolumesCommand,
  EC2Client,
  ModifyInstanceAttributeCommand,
  ModifyLaunchTemplateCommand,
  RegisterImageCommand,
  RunInstancesCommand,
  TerminateInstancesCommand,
} from "@aws-sdk/client-ec2";
import { describe, expect, it } from "vitest";
import { type EcsLocalServer } from "../../src/index.js";
import { stateDirServers } from "../helpers/stateDir.js";
import { tempDir } from "../helpers/tempDir.js";

const servers = stateDirServers();

async function start(stateDir: string): Promise<{ server: EcsLocalServer; ec2: EC2Client }> {
  const server = await servers.start(stateDir);
  return { server, ec2: new EC2Client({ endpoint: server.endpoint, region: "us-east-1", credentials: { accessKeyId: "test", secretAccessKey: "test" } }) };
}

describe("--state-dir: EC2 key pairs, images, launch templates and instance attributes", () => {
  it("come back after a restart as they were", async () => {
    const dir = tempDir("ecs-local-state-");
    let { server, ec2 } = await start(dir);
    const key = await ec2.send(new CreateKeyPairCommand({ KeyName: "ops", KeyType: "ed25519" }));
    const rsa = await ec2.send(new CreateKeyPairCommand({ KeyName: "ops-rsa" }));
    const { ImageId } = await ec2.send(new RegisterImageCommand({ Name: "golden", Architecture: "x86_64", RootDeviceName: "/dev/xvda", VirtualizationType: "hvm", BlockDeviceMappings: [{ DeviceName: "/dev/xvda", Ebs: { SnapshotId: "snap-0123456789abcdef0", VolumeSize: 16 } }] }));
    const lt = (await ec2.send(new CreateLaunchTemplateCommand({ LaunchTemplateName: "nodes", LaunchTemplateData: { ImageId, InstanceType: "t3.small", KeyName: "ops" } }))).LaunchTemplate!;
    await ec2.send(new CreateLaunchTemplateVersionCommand({ LaunchTemplateId: lt.LaunchTemplateId, SourceVersion: "1", LaunchTemplateData: { InstanceType: "m5.large" } }));
    await ec2.send(new ModifyLaunchTemplateCommand({ LaunchTemplateId: lt.LaunchTemplateId, DefaultVersion: "2" }));
    const instance = (await ec2.send(new RunInstancesCommand({ MinCount: 1, MaxCount: 1, LaunchTemplate: { LaunchTemplateName: "nodes" } }))).Instances![0];
    await ec2.send(new ModifyInstanceAttributeCommand({ InstanceId: instance.InstanceId, DisableApiTermination: { Value: true } }));
    const keysBefore = (await ec2.send(new DescribeKeyPairsCommand({ IncludePublicKey: true }))).KeyPairs;
    await server.stop();

    ({ server, ec2 } = await start(dir));
    expect((await ec2.send(new DescribeKeyPairsCommand({ IncludePublicKey: true }))).KeyPairs).toEqual(keysBefore);
    expect(keysBefore!.map((k) => [k.KeyName, k.KeyFingerprint])).toEqual([
      ["ops", key.KeyFingerprint],
      ["ops-rsa", rsa.KeyFingerprint],
    ]);
    const images = (await ec2.send(new DescribeImagesCommand({ Owners: ["self"] }))).Images!;
    expect(images.map((i) => [i.ImageId, i.Name, i.BlockDeviceMappings![0].Ebs!.VolumeSize])).toEqual([[ImageId, "golden", 16]]);
    expect((await ec2.send(new DescribeLaunchTemplatesCommand({ LaunchTemplateNames: ["nodes"] }))).LaunchTemplates![0]).toMatchObject({ LaunchTemplateId: lt.LaunchTemplateId, DefaultVersionNumber: 2, LatestVersionNumber: 2 });
    const versions = await ec2.send(new DescribeLaunchTemplateVersionsCommand({ LaunchTemplateId: lt.LaunchTemplateId }));
    expect(versions.LaunchTemplateVersions!.map((v) => [v.VersionNumber, v.LaunchTemplateData!.InstanceType, v.DefaultVersion])).toEqual([
      [2, "m5.large", true],
      [1, "t3.small", false],
    ]);
    expect(instance.InstanceType).toBe("m5.large");
    const protectedAttr = await ec2.send(new DescribeInstanceAttributeCommand({ InstanceId: instance.InstanceId, Attribute: "disableApiTermination" }));
    expect(protectedAttr.DisableApiTermination!.Value).toBe(true);
    await expect(ec2.send(new TerminateInstancesCommand({ InstanceIds: [instance.InstanceId!] }))).rejects.toMatchObject({ name: "OperationNotPermitted" });
    const volumes = await ec2.send(new DescribeVolumesCommand({ Filters: [{ Name: "attachment.instance-id", Values: [instance.InstanceId!] }] }));
    expect(volumes.Volumes!.map((v) => [v.VolumeId, v.Size, v.State])).toEqual([[instance.BlockDeviceMappings![0].Ebs!.VolumeId, 16, "in-use"]]);
    const next = await ec2.send(new CreateKeyPairCommand({ KeyName: "after", KeyType: "ed25519" }));
    expect([key.KeyPairId, rsa.KeyPairId]).not.toContain(next.KeyPairId);
  }, 60_000);
});
