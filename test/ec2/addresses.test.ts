// Elastic IPs and public addresses (instances in subnets that map them, Elastic IPs moving between
// interfaces), and NAT gateways moved by the injected clock through pending, available, deleting and
// deleted, or failed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DescribeNatGatewaysCommand, EC2Client, waitUntilNatGatewayAvailable } from "@aws-sdk/client-ec2";
import { startLocal, type TestLocal } from "../helpers/local.js";
import { queryCaller, type QueryCaller } from "../helpers/query.js";
import { defaultSubnetId, defaultVpcId } from "../../src/services/ec2/domain/network.js";
import { SUBNET_A, fargateTaskDefinition } from "../helpers/fixtures.js";

const ACCOUNT = "000000000000";
const NAT_MS = 60_000;
const PUBLIC_IP = /^(192\.0\.2|198\.51\.100|203\.0\.113)\.\d{1,3}$/;

let t: TestLocal;
let ec2: QueryCaller;
beforeAll(async () => {
  t = await startLocal({ timings: { natGatewayProvisioningMs: NAT_MS } as never });
  ec2 = queryCaller(t, "ec2");
});
afterAll(() => t.close());

async function launch(subnetId: string): Promise<any> {
  const r = await ec2.call("RunInstances", { ImageId: "ami-0123456789abcdef0", InstanceType: "t3.micro", MinCount: 1, MaxCount: 1, SubnetId: subnetId });
  return r.Instances[0];
}
const describeInstance = async (id: string) => (await ec2.call("DescribeInstances", { InstanceIds: [id] })).Reservations[0].Instances[0];

describe("public addresses of instances", () => {
  it("gives an instance in a default subnet a public address and DNS name once it runs, another after a stop and start, none after termination", async () => {
    const launched = await launch(defaultSubnetId(ACCOUNT, "us-east-1", "us-east-1a"));
    expect(launched.PublicIpAddress).toBeUndefined();
    const running = await describeInstance(launched.InstanceId);
    expect(running.PublicIpAddress).toMatch(PUBLIC_IP);
    expect(running.PublicDnsName).toBe(`ec2-${running.PublicIpAddress.replace(/\./g, "-")}.compute-1.amazonaws.com`);
    expect(running.NetworkInterfaces[0].Association).toEqual({ IpOwnerId: "amazon", PublicDnsName: running.PublicDnsName, PublicIp: running.PublicIpAddress });
    const eni = (await ec2.call("DescribeNetworkInterfaces", { Filters: [{ Name: "association.public-ip", Values: [running.PublicIpAddress] }] })).NetworkInterfaces[0];
    expect((await ec2.call("DescribeInstances", { Filters: [{ Name: "ip-address", Values: [running.PublicIpAddress] }] })).Reservations[0].Instances[0].InstanceId).toBe(launched.InstanceId);
    expect(eni.Association).toEqual({ IpOwnerId: "amazon", PublicDnsName: running.PublicDnsName, PublicIp: running.PublicIpAddress });

    await ec2.call("StopInstances", { InstanceIds: [launched.InstanceId] });
    const stopped = await describeInstance(launched.InstanceId);
    expect(stopped.PublicIpAddress).toBeUndefined();
    expect(stopped.PublicDnsName).toBe("");
    await ec2.call("StartInstances", { InstanceIds: [launched.InstanceId] });
    expect((await describeInstance(launched.InstanceId)).PublicIpAddress).toMatch(PUBLIC_IP);
    await ec2.call("TerminateInstances", { InstanceIds: [launched.InstanceId] });
    expect((await describeInstance(launched.InstanceId)).PublicIpAddress).toBeUndefined();
  });

  it("follows ModifySubnetAttribute: a subnet that does not map public addresses launches instances without one", async () => {
    const vpcId = (await ec2.call("CreateVpc", { CidrBlock: "10.50.0.0/16" })).Vpc.VpcId;
    const subnetId = (await ec2.call("CreateSubnet", { VpcId: vpcId, CidrBlock: "10.50.1.0/24" })).Subnet.SubnetId;
    const quiet = await launch(subnetId);
    expect((await describeInstance(quiet.InstanceId)).PublicIpAddress).toBeUndefined();
    await ec2.call("ModifySubnetAttribute", { SubnetId: subnetId, MapPublicIpOnLaunch: { Value: true } });
    expect((await ec2.call("DescribeSubnets", { SubnetIds: [subnetId] })).Subnets[0].MapPublicIpOnLaunch).toBe(true);
    const mapped = await describeInstance((await launch(subnetId)).InstanceId);
    expect(mapped.PublicIpAddress).toMatch(PUBLIC_IP);
    // A VPC without DNS hostnames gives no public DNS name.
    expect(mapped.PublicDnsName).toBe("");
    await ec2.call("ModifySubnetAttribute", { SubnetId: subnetId, PrivateDnsHostnameTypeOnLaunch: "resource-name" });
    expect((await ec2.call("DescribeSubnets", { SubnetIds: [subnetId] })).Subnets[0].PrivateDnsNameOptionsOnLaunch.HostnameType).toBe("resource-name");
    expect(await ec2.error("ModifySubnetAttribute", { SubnetId: subnetId, MapPublicIpOnLaunch: { Value: false }, EnableDns64: { Value: true } })).toMatchObject({ code: "InvalidParameterCombination" });
    expect(await ec2.error("ModifySubnetAttribute", { SubnetId: subnetId, AssignIpv6AddressOnCreation: { Value: true } })).toMatchObject({ code: "InvalidParameterValue" });
    await ec2.call("TerminateInstances", { InstanceIds: [quiet.InstanceId, mapped.InstanceId] });
    await ec2.call("DeleteSubnet", { SubnetId: subnetId });
    await ec2.call("DeleteVpc", { VpcId: vpcId });
  });
});

describe("public addresses of ECS tasks", () => {
  it("gives a Fargate task that asks for one (assignPublicIp: ENABLED) a public address on its interface, and none otherwise", async () => {
    await t.ecs("CreateCluster", { clusterName: "pub" });
    await t.ecs("RegisterTaskDefinition", fargateTaskDefinition("pub"));
    const eniOf = async (assignPublicIp: "ENABLED" | "DISABLED") => {
      const run = await t.ecs("RunTask", { cluster: "pub", taskDefinition: "pub", launchType: "FARGATE", networkConfiguration: { awsvpcConfiguration: { subnets: [SUBNET_A], assignPublicIp } } });
      const task = (await t.ecs("DescribeTasks", { cluster: "pub", tasks: [run.tasks![0].taskArn!] })).tasks![0];
      const id = task.attachments![0].details!.find((d) => d.name === "networkInterfaceId")!.value!;
      return { task, eni: (await ec2.call("DescribeNetworkInterfaces", { NetworkInterfaceIds: [id] })).NetworkInterfaces[0] };
    };
    const open = await eniOf("ENABLED");
    expect(open.eni.Association).toEqual({ IpOwnerId: "amazon", PublicDnsName: `ec2-${open.eni.Association.PublicIp.replace(/\./g, "-")}.compute-1.amazonaws.com`, PublicIp: expect.stringMatching(PUBLIC_IP) });
    const closed = await eniOf("DISABLED");
    expect(closed.eni.Association).toBeUndefined();
    // The address goes with the task's interface.
    await t.ecs("StopTask", { cluster: "pub", task: open.task.taskArn! });
    const held = (await ec2.call("DescribeNetworkInterfaces", { Filters: [{ Name: "subnet-id", Values: [SUBNET_A] }] })).NetworkInterfaces.filter((n: any) => n.Association);
    expect(held.map((n: any) => n.NetworkInterfaceId)).not.toContain(open.eni.NetworkInterfaceId);
  });
});

describe("Elastic IPs", () => {
  it("allocates, associates with an instance (whose public address follows), moves, disassociates and releases", async () => {
    const alloc = await ec2.call("AllocateAddress", { Domain: "vpc", TagSpecifications: [{ ResourceType: "elastic-ip", Tags: [{ Key: "Name", Value: "web" }] }] });
    expect(alloc).toEqual({ AllocationId: expect.stringMatching(/^eipalloc-0[0-9a-f]{16}$/), Domain: "vpc", PublicIp: expect.stringMatching(PUBLIC_IP), PublicIpv4Pool: "amazon", NetworkBorderGroup: "us-east-1" });
    const a = await launch(defaultSubnetId(ACCOUNT, "us-east-1", "us-east-1b"));
    const b = await launch(defaultSubnetId(ACCOUNT, "us-east-1", "us-east-1b"));
    const lent = (await describeInstance(a.InstanceId)).PublicIpAddress;

    const { AssociationId } = await ec2.call("AssociateAddress", { AllocationId: alloc.AllocationId, InstanceId: a.InstanceId });
    expect(AssociationId).toMatch(/^eipassoc-0[0-9a-f]{16}$/);
    const withEip = await describeInstance(a.InstanceId);
    expect(withEip.PublicIpAddress).toBe(alloc.PublicIp);
    expect(withEip.PublicIpAddress).not.toBe(lent);
    expect(withEip.NetworkInterfaces[0].Association.IpOwnerId).toBe(ACCOUNT);
    const described = (await ec2.call("DescribeAddresses", { AllocationIds: [alloc.AllocationId] })).Addresses[0];
    expect(described).toEqual({
      AllocationId: alloc.AllocationId,
      AssociationId,
      Domain: "vpc",
      InstanceId: a.InstanceId,
      NetworkInterfaceId: withEip.NetworkInterfaces[0].NetworkInterfaceId,
      NetworkInterfaceOwnerId: ACCOUNT,
      PrivateIpAddress: withEip.PrivateIpAddress,
      PublicIp: alloc.PublicIp,
      PublicIpv4Pool: "amazon",
      NetworkBorderGroup: "us-east-1",
      Tags: [{ Key: "Name", Value: "web" }],
    });
    expect((await ec2.call("DescribeAddresses", { PublicIps: [alloc.PublicIp] })).Addresses[0].AllocationId).toBe(alloc.AllocationId);
    expect((await ec2.call("DescribeAddresses", { Filters: [{ Name: "instance-id", Values: [a.InstanceId] }] })).Addresses).toHaveLength(1);
    expect((await ec2.call("DescribeAddressesAttribute", { AllocationIds: [alloc.AllocationId], Attribute: "domain-name" })).Addresses).toEqual([{ AllocationId: alloc.AllocationId, PublicIp: alloc.PublicIp }]);

    expect(await ec2.error("AssociateAddress", { AllocationId: alloc.AllocationId, InstanceId: b.InstanceId, AllowReassociation: false })).toMatchObject({
      code: "Resource.AlreadyAssociated",
      message: `resource ${alloc.AllocationId} is already associated with associate-id ${AssociationId}`,
    });
    const moved = await ec2.call("AssociateAddress", { AllocationId: alloc.AllocationId, InstanceId: b.InstanceId });
    expect((await describeInstance(b.InstanceId)).PublicIpAddress).toBe(alloc.PublicIp);
    // The instance it left gets a lent address again.
    expect((await describeInstance(a.InstanceId)).PublicIpAddress).toMatch(PUBLIC_IP);
    expect((await describeInstance(a.InstanceId)).PublicIpAddress).not.toBe(alloc.PublicIp);

    await ec2.call("DisassociateAddress", { AssociationId: moved.AssociationId });
    expect(await ec2.error("DisassociateAddress", { AssociationId: moved.AssociationId })).toMatchObject({ code: "InvalidAssociationID.NotFound", message: `The association ID '${moved.AssociationId}' does not exist` });
    await ec2.call("ReleaseAddress", { AllocationId: alloc.AllocationId });
    expect(await ec2.error("DescribeAddresses", { AllocationIds: [alloc.AllocationId] })).toMatchObject({ code: "InvalidAllocationID.NotFound", message: `The allocation ID '${alloc.AllocationId}' does not exist` });
    expect(await ec2.error("ReleaseAddress", { PublicIp: alloc.PublicIp })).toMatchObject({ code: "InvalidParameterValue", message: "You must specify an allocation id when releasing a VPC elastic IP address" });
    await ec2.call("TerminateInstances", { InstanceIds: [a.InstanceId, b.InstanceId] });
  });

  it("refuses an association in a VPC without an internet gateway, and a release while associated outside the default VPC", async () => {
    const vpcId = (await ec2.call("CreateVpc", { CidrBlock: "10.60.0.0/16" })).Vpc.VpcId;
    const subnetId = (await ec2.call("CreateSubnet", { VpcId: vpcId, CidrBlock: "10.60.1.0/24" })).Subnet.SubnetId;
    const inst = await launch(subnetId);
    const alloc = await ec2.call("AllocateAddress", {});
    expect(await ec2.error("AssociateAddress", { AllocationId: alloc.AllocationId, InstanceId: inst.InstanceId })).toMatchObject({ code: "Gateway.NotAttached", message: `Network ${vpcId} is not attached to any internet gateway` });
    const igwId = (await ec2.call("CreateInternetGateway", {})).InternetGateway.InternetGatewayId;
    await ec2.call("AttachInternetGateway", { InternetGatewayId: igwId, VpcId: vpcId });
    const { AssociationId } = await ec2.call("AssociateAddress", { AllocationId: alloc.AllocationId, InstanceId: inst.InstanceId });
    expect(await ec2.error("ReleaseAddress", { AllocationId: alloc.AllocationId })).toMatchObject({ code: "InvalidIPAddress.InUse", message: `Address ${alloc.PublicIp} is in use.` });
    expect(await ec2.error("DetachInternetGateway", { InternetGatewayId: igwId, VpcId: vpcId })).toMatchObject({
      code: "DependencyViolation",
      message: `Network ${vpcId} has some mapped public address(es). Please unmap those public address(es) before detaching the gateway.`,
    });
    // Termination takes the association with it; the address stays allocated.
    await ec2.call("TerminateInstances", { InstanceIds: [inst.InstanceId] });
    expect((await ec2.call("DescribeAddresses", { AllocationIds: [alloc.AllocationId] })).Addresses[0].AssociationId).toBeUndefined();
    expect(await ec2.error("DisassociateAddress", { AssociationId })).toMatchObject({ code: "InvalidAssociationID.NotFound" });
    await ec2.call("DetachInternetGateway", { InternetGatewayId: igwId, VpcId: vpcId });
    await ec2.call("ReleaseAddress", { AllocationId: alloc.AllocationId });
    await ec2.call("DeleteInternetGateway", { InternetGatewayId: igwId });
    await ec2.call("DeleteSubnet", { SubnetId: subnetId });
    await ec2.call("DeleteVpc", { VpcId: vpcId });
  });
});

describe("NAT gateways", () => {
  it("is pending until the clock makes it available with its Elastic IP on an interface of its subnet, then deleting until deleted", async () => {
    const subnetId = defaultSubnetId(ACCOUNT, "us-east-1", "us-east-1c");
    const alloc = await ec2.call("AllocateAddress", {});
    const created = await ec2.call("CreateNatGateway", { SubnetId: subnetId, AllocationId: alloc.AllocationId, TagSpecifications: [{ ResourceType: "natgateway", Tags: [{ Key: "Name", Value: "nat-a" }] }] });
    const nat = created.NatGateway;
    expect(nat).toMatchObject({ NatGatewayAddresses: [{ AllocationId: alloc.AllocationId }], State: "pending", SubnetId: subnetId, VpcId: defaultVpcId(ACCOUNT, "us-east-1"), ConnectivityType: "public", Tags: [{ Key: "Name", Value: "nat-a" }] });
    expect(nat.NatGatewayId).toMatch(/^nat-0[0-9a-f]{16}$/);
    const id = nat.NatGatewayId;
    expect((await ec2.call("DescribeNatGateways", { NatGatewayIds: [id] })).NatGateways[0].State).toBe("pending");

    t.advance(NAT_MS);
    const available = (await ec2.call("DescribeNatGateways", { Filter: [{ Name: "state", Values: ["available"] }, { Name: "tag:Name", Values: ["nat-a"] }] })).NatGateways;
    expect(available).toHaveLength(1);
    const addr = available[0].NatGatewayAddresses[0];
    expect(addr).toMatchObject({ AllocationId: alloc.AllocationId, PublicIp: alloc.PublicIp, IsPrimary: true, Status: "succeeded" });
    const eni = (await ec2.call("DescribeNetworkInterfaces", { NetworkInterfaceIds: [addr.NetworkInterfaceId] })).NetworkInterfaces[0];
    expect(eni).toMatchObject({ InterfaceType: "natGateway", Description: `Interface for NAT Gateway ${id}`, RequesterManaged: true, SubnetId: subnetId, PrivateIpAddress: addr.PrivateIp, Groups: [] });
    const eip = (await ec2.call("DescribeAddresses", { AllocationIds: [alloc.AllocationId] })).Addresses[0];
    expect(eip).toMatchObject({ NetworkInterfaceId: addr.NetworkInterfaceId, AssociationId: addr.AssociationId });
    expect(await ec2.error("DisassociateAddress", { AssociationId: addr.AssociationId })).toMatchObject({ code: "AuthFailure", message: "You do not have permission to access the specified resource." });
    expect(await ec2.error("ReleaseAddress", { AllocationId: alloc.AllocationId })).toMatchObject({ code: "InvalidIPAddress.InUse" });

    // A route to it is active; the subnet cannot go while the gateway's interface is in it.
    const table = (await ec2.call("CreateRouteTable", { VpcId: defaultVpcId(ACCOUNT, "us-east-1") })).RouteTable.RouteTableId;
    await ec2.call("CreateRoute", { RouteTableId: table, DestinationCidrBlock: "0.0.0.0/0", NatGatewayId: id });
    expect((await ec2.call("DescribeRouteTables", { Filters: [{ Name: "route.nat-gateway-id", Values: [id] }] })).RouteTables[0].Routes[1]).toEqual({ DestinationCidrBlock: "0.0.0.0/0", NatGatewayId: id, Origin: "CreateRoute", State: "active" });

    expect(await ec2.call("DeleteNatGateway", { NatGatewayId: id })).toEqual({ NatGatewayId: id });
    expect((await ec2.call("DescribeNatGateways", { NatGatewayIds: [id] })).NatGateways[0].State).toBe("deleting");
    t.advance(NAT_MS);
    const deleted = (await ec2.call("DescribeNatGateways", { NatGatewayIds: [id] })).NatGateways[0];
    expect(deleted.State).toBe("deleted");
    expect(deleted.DeleteTime).toBeDefined();
    expect(await ec2.error("DescribeNetworkInterfaces", { NetworkInterfaceIds: [addr.NetworkInterfaceId] })).toMatchObject({ code: "InvalidNetworkInterfaceID.NotFound" });
    expect((await ec2.call("DescribeAddresses", { AllocationIds: [alloc.AllocationId] })).Addresses[0].AssociationId).toBeUndefined();
    expect((await ec2.call("DescribeRouteTables", { RouteTableIds: [table] })).RouteTables[0].Routes[1].State).toBe("blackhole");
    expect(await ec2.error("DeleteNatGateway", { NatGatewayId: id })).toMatchObject({ code: "NatGatewayNotFound", message: `NAT gateway ${id} was not found` });
    // Deleted gateways stay describable for an hour.
    t.advance(3_600_000);
    expect(await ec2.error("DescribeNatGateways", { NatGatewayIds: [id] })).toMatchObject({ code: "NatGatewayNotFound", message: `NAT gateway ${id} was not found` });
    await ec2.call("DeleteRouteTable", { RouteTableId: table });
    await ec2.call("ReleaseAddress", { AllocationId: alloc.AllocationId });
  });

  it("fails, as EC2 does, in a VPC without an internet gateway; private ones need no address", async () => {
    const vpcId = (await ec2.call("CreateVpc", { CidrBlock: "10.70.0.0/16" })).Vpc.VpcId;
    const subnetId = (await ec2.call("CreateSubnet", { VpcId: vpcId, CidrBlock: "10.70.1.0/24" })).Subnet.SubnetId;
    const alloc = await ec2.call("AllocateAddress", {});
    expect(await ec2.error("CreateNatGateway", { SubnetId: subnetId })).toMatchObject({ code: "MissingParameter" });
    expect(await ec2.error("CreateNatGateway", { SubnetId: subnetId, AllocationId: "eipalloc-0123456789abcdef0" })).toMatchObject({ code: "InvalidAllocationID.NotFound" });
    const pub = (await ec2.call("CreateNatGateway", { SubnetId: subnetId, AllocationId: alloc.AllocationId })).NatGateway.NatGatewayId;
    const priv = (await ec2.call("CreateNatGateway", { SubnetId: subnetId, ConnectivityType: "private" })).NatGateway;
    expect(priv).toMatchObject({ ConnectivityType: "private", State: "pending" });
    expect(await ec2.error("DeleteSubnet", { SubnetId: subnetId })).toMatchObject({ code: "DependencyViolation", message: `The subnet '${subnetId}' has dependencies and cannot be deleted.` });
    t.advance(NAT_MS);
    const [failed, ok] = (await ec2.call("DescribeNatGateways", { NatGatewayIds: [pub, priv.NatGatewayId] })).NatGateways;
    expect(failed).toMatchObject({ State: "failed", FailureCode: "Gateway.NotAttached", FailureMessage: `Network ${vpcId} has no Internet gateway attached` });
    expect(ok).toMatchObject({ State: "available", NatGatewayAddresses: [{ IsPrimary: true, Status: "succeeded" }] });
    expect(ok.NatGatewayAddresses[0].PrivateIp).toMatch(/^10\.70\.1\.\d+$/);

    // The SDK's waiter sees it available.
    const client = new EC2Client({ endpoint: t.url, region: "us-east-1", credentials: { accessKeyId: "test", secretAccessKey: "test" } });
    const waited = await waitUntilNatGatewayAvailable({ client, maxWaitTime: 10, minDelay: 1 }, { NatGatewayIds: [priv.NatGatewayId] });
    expect(waited.state).toBe("SUCCESS");
    const sdk = await client.send(new DescribeNatGatewaysCommand({ NatGatewayIds: [priv.NatGatewayId] }));
    expect(sdk.NatGateways![0].CreateTime).toBeInstanceOf(Date);

    await ec2.call("DeleteNatGateway", { NatGatewayId: priv.NatGatewayId });
    expect(await ec2.error("DeleteVpc", { VpcId: vpcId })).toMatchObject({ code: "DependencyViolation" });
    t.advance(NAT_MS);
    await ec2.call("DeleteSubnet", { SubnetId: subnetId });
    await ec2.call("DeleteVpc", { VpcId: vpcId });
    await ec2.call("ReleaseAddress", { AllocationId: alloc.AllocationId });
  });
});
