import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EC2Client, DescribeSubnetsCommand, RunInstancesCommand, DescribeInstancesCommand } from "@aws-sdk/client-ec2";
import { startLocal, type TestLocal } from "../helpers/local.js";
import { queryCaller, type QueryCaller } from "../helpers/query.js";
import { defaultSubnetId } from "../../src/services/ec2/domain/network.js";

let t: TestLocal;
let ec2: QueryCaller;
beforeAll(async () => {
  t = await startLocal();
  ec2 = queryCaller(t, "ec2");
});
afterAll(() => t.close());

describe("default network", () => {
  it("has a default VPC, a default subnet per zone and a default security group without any call", async () => {
    const vpcs = await ec2.call("DescribeVpcs", { Filters: [{ Name: "is-default", Values: ["true"] }] });
    expect(vpcs.Vpcs).toHaveLength(1);
    expect(vpcs.Vpcs[0]).toMatchObject({ CidrBlock: "172.31.0.0/16", IsDefault: true, State: "available" });
    const vpcId = vpcs.Vpcs[0].VpcId;
    const subnets = await ec2.call("DescribeSubnets", { Filters: [{ Name: "vpc-id", Values: [vpcId] }] });
    expect(subnets.Subnets.map((s: any) => s.AvailabilityZone).sort()).toEqual(["us-east-1a", "us-east-1b", "us-east-1c"]);
    expect(subnets.Subnets.every((s: any) => s.DefaultForAz)).toBe(true);
    expect(subnets.Subnets.map((s: any) => s.SubnetId)).toContain(defaultSubnetId("000000000000", "us-east-1", "us-east-1a"));
    const groups = await ec2.call("DescribeSecurityGroups", { GroupNames: ["default"] });
    expect(groups.SecurityGroups[0]).toMatchObject({ GroupName: "default", VpcId: vpcId });
    const zones = await ec2.call("DescribeAvailabilityZones", {});
    expect(zones.AvailabilityZones.map((z: any) => z.ZoneId)).toEqual(["use1-az1", "use1-az2", "use1-az3"]);
  });
});

describe("VPCs, subnets, security groups, tags", () => {
  it("creates a VPC with tags, subnets inside it without overlap, and refuses what EC2 refuses", async () => {
    const { Vpc } = await ec2.call("CreateVpc", { CidrBlock: "10.0.0.0/16", TagSpecifications: [{ ResourceType: "vpc", Tags: [{ Key: "Name", Value: "lab" }] }] });
    expect(Vpc).toMatchObject({ CidrBlock: "10.0.0.0/16", State: "pending", IsDefault: false, Tags: [{ Key: "Name", Value: "lab" }] });
    const byTag = await ec2.call("DescribeVpcs", { Filters: [{ Name: "tag:Name", Values: ["lab"] }] });
    expect(byTag.Vpcs.map((v: any) => v.VpcId)).toEqual([Vpc.VpcId]);
    const { Subnet } = await ec2.call("CreateSubnet", { VpcId: Vpc.VpcId, CidrBlock: "10.0.1.0/24", AvailabilityZone: "us-east-1b" });
    expect(Subnet).toMatchObject({ CidrBlock: "10.0.1.0/24", AvailabilityZone: "us-east-1b", AvailableIpAddressCount: 251, DefaultForAz: false });
    expect(await ec2.error("CreateSubnet", { VpcId: Vpc.VpcId, CidrBlock: "10.0.1.128/25" })).toMatchObject({ code: "InvalidSubnet.Conflict", message: "The CIDR '10.0.1.128/25' conflicts with another subnet" });
    expect(await ec2.error("CreateSubnet", { VpcId: Vpc.VpcId, CidrBlock: "10.1.0.0/24" })).toMatchObject({ code: "InvalidSubnet.Range" });
    expect(await ec2.error("CreateSubnet", { VpcId: "vpc-0123456789abcdef0", CidrBlock: "10.1.0.0/24" })).toMatchObject({ code: "InvalidVpcID.NotFound", message: "The vpc ID 'vpc-0123456789abcdef0' does not exist" });
    expect(await ec2.error("DeleteVpc", { VpcId: Vpc.VpcId })).toMatchObject({ code: "DependencyViolation" });

    const sg = await ec2.call("CreateSecurityGroup", { GroupName: "web", Description: "web", VpcId: Vpc.VpcId });
    expect(await ec2.error("CreateSecurityGroup", { GroupName: "web", Description: "web", VpcId: Vpc.VpcId })).toMatchObject({ code: "InvalidGroup.Duplicate" });
    const auth = await ec2.call("AuthorizeSecurityGroupIngress", { GroupId: sg.GroupId, IpPermissions: [{ IpProtocol: "tcp", FromPort: 80, ToPort: 80, IpRanges: [{ CidrIp: "0.0.0.0/0" }] }] });
    expect(auth.SecurityGroupRules[0]).toMatchObject({ GroupId: sg.GroupId, IpProtocol: "tcp", FromPort: 80, ToPort: 80, CidrIpv4: "0.0.0.0/0", IsEgress: false });
    expect(await ec2.error("AuthorizeSecurityGroupIngress", { GroupId: sg.GroupId, IpProtocol: "tcp", FromPort: 80, ToPort: 80, CidrIp: "0.0.0.0/0" })).toMatchObject({ code: "InvalidPermission.Duplicate" });
    const described = await ec2.call("DescribeSecurityGroups", { GroupIds: [sg.GroupId] });
    expect(described.SecurityGroups[0].IpPermissions).toEqual([{ IpProtocol: "tcp", FromPort: 80, ToPort: 80, IpRanges: [{ CidrIp: "0.0.0.0/0" }], Ipv6Ranges: [], PrefixListIds: [], UserIdGroupPairs: [] }]);

    await ec2.call("CreateTags", { Resources: [Subnet.SubnetId], Tags: [{ Key: "tier", Value: "private" }] });
    const tags = await ec2.call("DescribeTags", { Filters: [{ Name: "resource-id", Values: [Subnet.SubnetId] }] });
    expect(tags.Tags).toEqual([{ Key: "tier", ResourceId: Subnet.SubnetId, ResourceType: "subnet", Value: "private" }]);
    await ec2.call("DeleteTags", { Resources: [Subnet.SubnetId], Tags: [{ Key: "tier" }] });
    expect((await ec2.call("DescribeSubnets", { Filters: [{ Name: "tag-key", Values: ["tier"] }] })).Subnets ?? []).toEqual([]);

    await ec2.call("ModifyVpcAttribute", { VpcId: Vpc.VpcId, EnableDnsHostnames: { Value: true } });
    expect(await ec2.call("DescribeVpcAttribute", { VpcId: Vpc.VpcId, Attribute: "enableDnsHostnames" })).toEqual({ VpcId: Vpc.VpcId, EnableDnsHostnames: { Value: true } });

    await ec2.call("DeleteSecurityGroup", { GroupId: sg.GroupId });
    await ec2.call("DeleteSubnet", { SubnetId: Subnet.SubnetId });
    await ec2.call("DeleteVpc", { VpcId: Vpc.VpcId });
    expect(await ec2.error("DescribeVpcs", { VpcIds: [Vpc.VpcId] })).toMatchObject({ code: "InvalidVpcID.NotFound" });
  });

  it("pages Describe answers with MaxResults and NextToken", async () => {
    const first = await ec2.call("DescribeSubnets", { MaxResults: 5 });
    expect(first.Subnets.length).toBeLessThanOrEqual(5);
    const types = await ec2.call("DescribeInstanceTypes", { MaxResults: 5 });
    expect(types.InstanceTypes).toHaveLength(5);
    const next = await ec2.call("DescribeInstanceTypes", { MaxResults: 5, NextToken: types.NextToken });
    expect(next.InstanceTypes[0].InstanceType).not.toBe(types.InstanceTypes[0].InstanceType);
    const one = await ec2.call("DescribeInstanceTypes", { InstanceTypes: ["m5.large"] });
    expect(one.InstanceTypes[0]).toMatchObject({ InstanceType: "m5.large", VCpuInfo: { DefaultVCpus: 2 }, MemoryInfo: { SizeInMiB: 8192 } });
  });
});

describe("instances", () => {
  it("runs instances in a subnet, moves them by the clock, stops, starts and terminates them", async () => {
    const subnetId = defaultSubnetId("000000000000", "us-east-1", "us-east-1b");
    const r = await ec2.call("RunInstances", { ImageId: "ami-0123456789abcdef0", InstanceType: "t3.medium", MinCount: 2, MaxCount: 2, SubnetId: subnetId, TagSpecifications: [{ ResourceType: "instance", Tags: [{ Key: "Name", Value: "host" }] }] });
    expect(r.Instances).toHaveLength(2);
    expect(r.Instances[0]).toMatchObject({ State: { Code: 0, Name: "pending" }, SubnetId: subnetId, InstanceType: "t3.medium", Placement: { AvailabilityZone: "us-east-1b" } });
    expect(r.Instances[0].PrivateIpAddress).toMatch(/^172\.31\.(1[6-9]|2\d|3[01])\.\d+$/);
    const ids = r.Instances.map((i: any) => i.InstanceId);
    const running = await ec2.call("DescribeInstances", { Filters: [{ Name: "instance-state-name", Values: ["running"] }, { Name: "tag:Name", Values: ["host"] }] });
    expect(running.Reservations[0].Instances.map((i: any) => i.InstanceId)).toEqual(ids);
    const status = await ec2.call("DescribeInstanceStatus", { InstanceIds: ids });
    expect(status.InstanceStatuses[0]).toMatchObject({ InstanceState: { Name: "running" }, InstanceStatus: { Status: "ok" } });
    const enis = await ec2.call("DescribeNetworkInterfaces", { Filters: [{ Name: "attachment.instance-id", Values: [ids[0]] }] });
    expect(enis.NetworkInterfaces[0].PrivateIpAddress).toBe(r.Instances[0].PrivateIpAddress);

    const stop = await ec2.call("StopInstances", { InstanceIds: [ids[0]] });
    expect(stop.StoppingInstances[0]).toMatchObject({ PreviousState: { Name: "running" }, CurrentState: { Name: "stopping" } });
    expect((await ec2.call("DescribeInstances", { InstanceIds: [ids[0]] })).Reservations[0].Instances[0].State.Name).toBe("stopped");
    expect(await ec2.error("StartInstances", { InstanceIds: [ids[0], "i-0000000000000dead"] })).toMatchObject({ code: "InvalidInstanceID.NotFound", message: "The instance ID 'i-0000000000000dead' does not exist" });
    await ec2.call("StartInstances", { InstanceIds: [ids[0]] });
    const term = await ec2.call("TerminateInstances", { InstanceIds: ids });
    expect(term.TerminatingInstances.map((s: any) => s.CurrentState.Name)).toEqual(["shutting-down", "shutting-down"]);
    const gone = await ec2.call("DescribeInstances", { InstanceIds: ids });
    expect(gone.Reservations[0].Instances.map((i: any) => i.State.Name)).toEqual(["terminated", "terminated"]);
    expect(await ec2.error("StopInstances", { InstanceIds: [ids[0]] })).toMatchObject({ code: "IncorrectInstanceState" });
    expect(await ec2.error("RunInstances", { ImageId: "ami-0123456789abcdef0", MinCount: 1, MaxCount: 1, UserData: "%%%" })).toMatchObject({ code: "InvalidParameterValue", message: "Invalid BASE64 encoding of user data" });
  });

  it("answers the SDK v3 client", async () => {
    const client = new EC2Client({ endpoint: t.url, region: "us-east-1", credentials: { accessKeyId: "test", secretAccessKey: "test" } });
    const subnets = await client.send(new DescribeSubnetsCommand({}));
    expect(subnets.Subnets!.length).toBeGreaterThanOrEqual(3);
    const run = await client.send(new RunInstancesCommand({ ImageId: "ami-0123456789abcdef0", InstanceType: "c5.large", MinCount: 1, MaxCount: 1 }));
    const id = run.Instances![0].InstanceId!;
    const d = await client.send(new DescribeInstancesCommand({ InstanceIds: [id] }));
    expect(d.Reservations![0].Instances![0].State!.Name).toBe("running");
    expect(d.Reservations![0].Instances![0].LaunchTime).toBeInstanceOf(Date);
  });
});
