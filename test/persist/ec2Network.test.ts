// --state-dir keeps EC2's routing and addressing resources: a VPC's gateway, tables, routes and
// associations, Elastic IPs and their associations, NAT gateways and security group rules come back
// after a restart with the same ids and states, and what is made afterwards gets new ids.
import {
  AllocateAddressCommand,
  AssociateRouteTableCommand,
  AttachInternetGatewayCommand,
  AuthorizeSecurityGroupEgressCommand,
  CreateInternetGatewayCommand,
  CreateNatGatewayCommand,
  CreateRouteCommand,
  CreateRouteTableCommand,
  CreateSecurityGroupCommand,
  CreateSubnetCommand,
  CreateVpcCommand,
  DescribeAddressesCommand,
  DescribeInternetGatewaysCommand,
  DescribeNatGatewaysCommand,
  DescribeRouteTablesCommand,
  DescribeSecurityGroupRulesCommand,
  EC2Client,
  RevokeSecurityGroupEgressCommand,
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

async function snapshot(ec2: EC2Client, vpcId: string) {
  const igws = (await ec2.send(new DescribeInternetGatewaysCommand({ Filters: [{ Name: "attachment.vpc-id", Values: [vpcId] }] }))).InternetGateways!;
  const tables = (await ec2.send(new DescribeRouteTablesCommand({ Filters: [{ Name: "vpc-id", Values: [vpcId] }] }))).RouteTables!;
  const nats = (await ec2.send(new DescribeNatGatewaysCommand({ Filter: [{ Name: "vpc-id", Values: [vpcId] }] }))).NatGateways!;
  const addresses = (await ec2.send(new DescribeAddressesCommand({}))).Addresses!;
  const rules = (await ec2.send(new DescribeSecurityGroupRulesCommand({}))).SecurityGroupRules!;
  return { igws, tables, nats, addresses, rules };
}

describe("--state-dir: EC2 networking", () => {
  it("keeps gateways, route tables, routes, associations, Elastic IPs, NAT gateways and security group rules across a restart", async () => {
    const dir = tempDir("ecs-local-state-");
    let { server, ec2 } = await start(dir);
    const vpcId = (await ec2.send(new CreateVpcCommand({ CidrBlock: "10.90.0.0/16" }))).Vpc!.VpcId!;
    const subnetId = (await ec2.send(new CreateSubnetCommand({ VpcId: vpcId, CidrBlock: "10.90.1.0/24" }))).Subnet!.SubnetId!;
    const igwId = (await ec2.send(new CreateInternetGatewayCommand({}))).InternetGateway!.InternetGatewayId!;
    await ec2.send(new AttachInternetGatewayCommand({ InternetGatewayId: igwId, VpcId: vpcId }));
    const rtb = (await ec2.send(new CreateRouteTableCommand({ VpcId: vpcId }))).RouteTable!.RouteTableId!;
    await ec2.send(new CreateRouteCommand({ RouteTableId: rtb, DestinationCidrBlock: "0.0.0.0/0", GatewayId: igwId }));
    await ec2.send(new AssociateRouteTableCommand({ RouteTableId: rtb, SubnetId: subnetId }));
    const alloc = await ec2.send(new AllocateAddressCommand({ Domain: "vpc" }));
    const natId = (await ec2.send(new CreateNatGatewayCommand({ SubnetId: subnetId, AllocationId: alloc.AllocationId }))).NatGateway!.NatGatewayId!;
    const sg = (await ec2.send(new CreateSecurityGroupCommand({ GroupName: "kept", Description: "kept", VpcId: vpcId }))).GroupId!;
    await ec2.send(new RevokeSecurityGroupEgressCommand({ GroupId: sg, IpPermissions: [{ IpProtocol: "-1", IpRanges: [{ CidrIp: "0.0.0.0/0" }] }] }));
    await ec2.send(new AuthorizeSecurityGroupEgressCommand({ GroupId: sg, IpPermissions: [{ IpProtocol: "tcp", FromPort: 443, ToPort: 443, IpRanges: [{ CidrIp: "0.0.0.0/0" }] }] }));
    const before = await snapshot(ec2, vpcId);
    expect(before.nats.map((n) => [n.NatGatewayId, n.State, n.NatGatewayAddresses![0].PublicIp])).toEqual([[natId, "available", alloc.PublicIp]]);
    expect(before.tables).toHaveLength(2);
    await server.stop();

    ({ server, ec2 } = await start(dir));
    expect(await snapshot(ec2, vpcId)).toEqual(before);
    const next = await ec2.send(new AllocateAddressCommand({ Domain: "vpc" }));
    expect(next.AllocationId).not.toBe(alloc.AllocationId);
    expect(next.PublicIp).not.toBe(alloc.PublicIp);
  }, 60_000);
});
