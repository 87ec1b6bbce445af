// The default VPC's gateway, main route table and ACL; a new VPC's companions; internet gateways,
// route tables, routes and associations with EC2's refusals, each of which changes nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startLocal, type TestLocal } from "../helpers/local.js";
import { queryCaller, type QueryCaller } from "../helpers/query.js";
import { defaultSecurityGroupId, defaultVpcId } from "../../src/services/ec2/domain/network.js";
import { stableId } from "../../src/services/ec2/domain/ids.js";

const ACCOUNT = "000000000000";
const DEFAULT_VPC = defaultVpcId(ACCOUNT, "us-east-1");

let t: TestLocal;
let ec2: QueryCaller;
beforeAll(async () => {
  t = await startLocal();
  ec2 = queryCaller(t, "ec2");
});
afterAll(() => t.close());

async function newVpc(cidr: string): Promise<string> {
  return (await ec2.call("CreateVpc", { CidrBlock: cidr })).Vpc.VpcId;
}

describe("the default VPC, as AWS makes it", () => {
  it("has an attached internet gateway, a main route table routing 0.0.0.0/0 to it, the default ACL and the default group's rules", async () => {
    const igwId = stableId("igw", ACCOUNT, "us-east-1", DEFAULT_VPC);
    const igws = await ec2.call("DescribeInternetGateways", { Filters: [{ Name: "attachment.vpc-id", Values: [DEFAULT_VPC] }] });
    expect(igws.InternetGateways).toEqual([{ Attachments: [{ State: "available", VpcId: DEFAULT_VPC }], InternetGatewayId: igwId, OwnerId: ACCOUNT }]);

    const main = await ec2.call("DescribeRouteTables", { Filters: [{ Name: "association.main", Values: ["true"] }, { Name: "vpc-id", Values: [DEFAULT_VPC] }] });
    expect(main.RouteTables).toHaveLength(1);
    const table = main.RouteTables[0];
    expect(table.Associations).toEqual([{ Main: true, RouteTableAssociationId: stableId("rtbassoc", ACCOUNT, "us-east-1", DEFAULT_VPC), RouteTableId: table.RouteTableId, AssociationState: { State: "associated" } }]);
    expect(table.Routes).toEqual([
      { DestinationCidrBlock: "172.31.0.0/16", GatewayId: "local", Origin: "CreateRouteTable", State: "active" },
      { DestinationCidrBlock: "0.0.0.0/0", GatewayId: igwId, Origin: "CreateRoute", State: "active" },
    ]);

    const acls = await ec2.call("DescribeNetworkAcls", { Filters: [{ Name: "default", Values: ["true"] }, { Name: "vpc-id", Values: [DEFAULT_VPC] }] });
    expect(acls.NetworkAcls).toHaveLength(1);
    expect(acls.NetworkAcls[0].Associations).toHaveLength(3);
    expect(acls.NetworkAcls[0].Entries.map((e: any) => [e.Egress, e.RuleNumber, e.RuleAction, e.Protocol, e.CidrBlock])).toEqual([
      [true, 100, "allow", "-1", "0.0.0.0/0"],
      [true, 32767, "deny", "-1", "0.0.0.0/0"],
      [false, 100, "allow", "-1", "0.0.0.0/0"],
      [false, 32767, "deny", "-1", "0.0.0.0/0"],
    ]);

    const sgId = defaultSecurityGroupId(ACCOUNT, "us-east-1", DEFAULT_VPC);
    const sg = (await ec2.call("DescribeSecurityGroups", { GroupIds: [sgId] })).SecurityGroups[0];
    expect(sg.IpPermissionsEgress).toEqual([{ IpProtocol: "-1", IpRanges: [{ CidrIp: "0.0.0.0/0" }], Ipv6Ranges: [], PrefixListIds: [], UserIdGroupPairs: [] }]);
    expect(sg.IpPermissions).toEqual([{ IpProtocol: "-1", IpRanges: [], Ipv6Ranges: [], PrefixListIds: [], UserIdGroupPairs: [{ GroupId: sgId, UserId: ACCOUNT }] }]);
    const subnets = (await ec2.call("DescribeSubnets", { Filters: [{ Name: "default-for-az", Values: ["true"] }] })).Subnets;
    expect(subnets.map((s: any) => s.MapPublicIpOnLaunch)).toEqual([true, true, true]);
  });

  it("gives a new VPC a main route table with the local route, a default ACL and a default group with its egress rule", async () => {
    const vpcId = await newVpc("10.10.0.0/16");
    const tables = (await ec2.call("DescribeRouteTables", { Filters: [{ Name: "vpc-id", Values: [vpcId] }] })).RouteTables;
    expect(tables).toHaveLength(1);
    expect(tables[0].Associations[0]).toMatchObject({ Main: true });
    expect(tables[0].Routes).toEqual([{ DestinationCidrBlock: "10.10.0.0/16", GatewayId: "local", Origin: "CreateRouteTable", State: "active" }]);
    expect((await ec2.call("DescribeNetworkAcls", { Filters: [{ Name: "vpc-id", Values: [vpcId] }] })).NetworkAcls[0]).toMatchObject({ IsDefault: true, Associations: [], VpcId: vpcId });
    const groups = (await ec2.call("DescribeSecurityGroups", { Filters: [{ Name: "vpc-id", Values: [vpcId] }, { Name: "group-name", Values: ["default"] }] })).SecurityGroups;
    expect(groups[0].IpPermissionsEgress[0].IpRanges).toEqual([{ CidrIp: "0.0.0.0/0" }]);
    const rules = (await ec2.call("DescribeSecurityGroupRules", { Filters: [{ Name: "group-id", Values: [groups[0].GroupId] }] })).SecurityGroupRules;
    expect(rules.map((r: any) => [r.IsEgress, r.IpProtocol, r.CidrIpv4 ?? r.ReferencedGroupInfo.GroupId])).toEqual([
      [false, "-1", groups[0].GroupId],
      [true, "-1", "0.0.0.0/0"],
    ]);
    expect(rules[0].SecurityGroupRuleId).toMatch(/^sgr-0[0-9a-f]{16}$/);

    // DeleteVpc takes them all with it.
    await ec2.call("DeleteVpc", { VpcId: vpcId });
    expect((await ec2.call("DescribeRouteTables", { Filters: [{ Name: "vpc-id", Values: [vpcId] }] })).RouteTables ?? []).toEqual([]);
    expect((await ec2.call("DescribeNetworkAcls", { Filters: [{ Name: "vpc-id", Values: [vpcId] }] })).NetworkAcls ?? []).toEqual([]);
    expect(await ec2.error("DescribeSecurityGroupRules", { SecurityGroupRuleIds: [rules[0].SecurityGroupRuleId] })).toMatchObject({
      code: "InvalidSecurityGroupRuleId.NotFound",
      message: `The security group rule ID '${rules[0].SecurityGroupRuleId}' does not exist`,
    });
  });
});

describe("internet gateways", () => {
  it("creates, attaches one per VPC, refuses what EC2 refuses, detaches and deletes", async () => {
    const vpcId = await newVpc("10.20.0.0/16");
    const other = await newVpc("10.21.0.0/16");
    const created = await ec2.call("CreateInternetGateway", { TagSpecifications: [{ ResourceType: "internet-gateway", Tags: [{ Key: "Name", Value: "edge" }] }] });
    const igwId = created.InternetGateway.InternetGatewayId;
    expect(created.InternetGateway).toEqual({ Attachments: [], InternetGatewayId: igwId, OwnerId: ACCOUNT, Tags: [{ Key: "Name", Value: "edge" }] });
    expect(igwId).toMatch(/^igw-0[0-9a-f]{16}$/);

    expect(await ec2.error("AttachInternetGateway", { InternetGatewayId: "igw-0123456789abcdef0", VpcId: vpcId })).toMatchObject({
      code: "InvalidInternetGatewayID.NotFound",
      message: "The internetGateway ID 'igw-0123456789abcdef0' does not exist",
    });
    await ec2.call("AttachInternetGateway", { InternetGatewayId: igwId, VpcId: vpcId });
    expect(await ec2.error("AttachInternetGateway", { InternetGatewayId: igwId, VpcId: other })).toMatchObject({ code: "Resource.AlreadyAssociated", message: `resource ${igwId} is already attached to network ${vpcId}` });
    const second = (await ec2.call("CreateInternetGateway", {})).InternetGateway.InternetGatewayId;
    expect(await ec2.error("AttachInternetGateway", { InternetGatewayId: second, VpcId: vpcId })).toMatchObject({ code: "InvalidParameterValue", message: `Network ${vpcId} already has an internet gateway attached` });

    const attached = await ec2.call("DescribeInternetGateways", { Filters: [{ Name: "attachment.state", Values: ["available"] }, { Name: "tag:Name", Values: ["edge"] }] });
    expect(attached.InternetGateways.map((g: any) => g.InternetGatewayId)).toEqual([igwId]);
    expect(await ec2.error("DeleteInternetGateway", { InternetGatewayId: igwId })).toMatchObject({ code: "DependencyViolation", message: `The internetGateway '${igwId}' has dependencies and cannot be deleted.` });
    expect(await ec2.error("DeleteVpc", { VpcId: vpcId })).toMatchObject({ code: "DependencyViolation", message: `The vpc '${vpcId}' has dependencies and cannot be deleted.` });
    expect(await ec2.error("DetachInternetGateway", { InternetGatewayId: igwId, VpcId: other })).toMatchObject({ code: "Gateway.NotAttached", message: `resource ${igwId} is not attached to network ${other}` });

    await ec2.call("DetachInternetGateway", { InternetGatewayId: igwId, VpcId: vpcId });
    expect((await ec2.call("DescribeInternetGateways", { InternetGatewayIds: [igwId] })).InternetGateways[0].Attachments).toEqual([]);
    await ec2.call("DeleteInternetGateway", { InternetGatewayId: igwId });
    expect(await ec2.error("DescribeInternetGateways", { InternetGatewayIds: [igwId] })).toMatchObject({ code: "InvalidInternetGatewayID.NotFound" });
    await ec2.call("DeleteInternetGateway", { InternetGatewayId: second });
    await ec2.call("DeleteVpc", { VpcId: vpcId });
    await ec2.call("DeleteVpc", { VpcId: other });
  });
});

describe("route tables and routes", () => {
  it("routes to an attached gateway, refuses duplicates and strangers, and turns a route into a blackhole when its gateway goes", async () => {
    const vpcId = await newVpc("10.30.0.0/16");
    const igwId = (await ec2.call("CreateInternetGateway", {})).InternetGateway.InternetGatewayId;
    const table = (await ec2.call("CreateRouteTable", { VpcId: vpcId, TagSpecifications: [{ ResourceType: "route-table", Tags: [{ Key: "tier", Value: "public" }] }] })).RouteTable;
    expect(table).toMatchObject({ Associations: [], VpcId: vpcId, OwnerId: ACCOUNT, Tags: [{ Key: "tier", Value: "public" }], Routes: [{ DestinationCidrBlock: "10.30.0.0/16", GatewayId: "local", State: "active" }] });
    const rtb = table.RouteTableId;
    expect(rtb).toMatch(/^rtb-0[0-9a-f]{16}$/);

    expect(await ec2.error("CreateRoute", { RouteTableId: rtb, DestinationCidrBlock: "0.0.0.0/0", GatewayId: igwId })).toMatchObject({
      code: "InvalidParameterValue",
      message: `route table ${rtb} and network gateway ${igwId} belong to different networks`,
    });
    await ec2.call("AttachInternetGateway", { InternetGatewayId: igwId, VpcId: vpcId });
    expect(await ec2.error("CreateRoute", { RouteTableId: rtb, GatewayId: igwId })).toMatchObject({ code: "MissingParameter", message: "The request must contain the parameter destinationCidrBlock or destinationIpv6CidrBlock" });
    expect(await ec2.error("CreateRoute", { RouteTableId: rtb, DestinationCidrBlock: "0.0.0.0/0", GatewayId: "igw-0123456789abcdef0" })).toMatchObject({
      code: "InvalidGatewayID.NotFound",
      message: "The gateway ID 'igw-0123456789abcdef0' does not exist",
    });
    expect(await ec2.error("CreateRoute", { RouteTableId: rtb, DestinationCidrBlock: "0.0.0.0/0", NatGatewayId: "nat-0123456789abcdef0" })).toMatchObject({
      code: "InvalidNatGatewayID.NotFound",
      message: "The natGateway ID 'nat-0123456789abcdef0' does not exist",
    });
    expect(await ec2.error("CreateRoute", { RouteTableId: "rtb-0123456789abcdef0", DestinationCidrBlock: "0.0.0.0/0", GatewayId: igwId })).toMatchObject({
      code: "InvalidRouteTableID.NotFound",
      message: "The routeTable ID 'rtb-0123456789abcdef0' does not exist",
    });
    // The block comes back in canonical form.
    expect(await ec2.call("CreateRoute", { RouteTableId: rtb, DestinationCidrBlock: "0.0.0.5/0", GatewayId: igwId })).toEqual({ Return: true });
    expect(await ec2.error("CreateRoute", { RouteTableId: rtb, DestinationCidrBlock: "0.0.0.0/0", GatewayId: igwId })).toMatchObject({ code: "RouteAlreadyExists", message: "The route identified by 0.0.0.0/0 already exists." });
    const byRoute = await ec2.call("DescribeRouteTables", { Filters: [{ Name: "route.gateway-id", Values: [igwId] }] });
    expect(byRoute.RouteTables.map((r: any) => r.RouteTableId)).toEqual([rtb]);
    expect(byRoute.RouteTables[0].Routes[1]).toEqual({ DestinationCidrBlock: "0.0.0.0/0", GatewayId: igwId, Origin: "CreateRoute", State: "active" });

    await ec2.call("DetachInternetGateway", { InternetGatewayId: igwId, VpcId: vpcId });
    const after = (await ec2.call("DescribeRouteTables", { RouteTableIds: [rtb] })).RouteTables[0];
    expect(after.Routes[1].State).toBe("blackhole");
    await ec2.call("AttachInternetGateway", { InternetGatewayId: igwId, VpcId: vpcId });

    expect(await ec2.error("ReplaceRoute", { RouteTableId: rtb, DestinationCidrBlock: "10.99.0.0/16", GatewayId: igwId })).toMatchObject({
      code: "InvalidParameterValue",
      message: "There is no route defined for '10.99.0.0/16' in the route table. Use CreateRoute instead.",
    });
    expect(await ec2.error("DeleteRoute", { RouteTableId: rtb, DestinationCidrBlock: "10.99.0.0/16" })).toMatchObject({ code: "InvalidRoute.NotFound", message: `no route with destination-cidr-block 10.99.0.0/16 in route table ${rtb}` });
    expect(await ec2.error("DeleteRoute", { RouteTableId: rtb, DestinationCidrBlock: "10.30.0.0/16" })).toMatchObject({ code: "InvalidParameterValue", message: `cannot remove local route 10.30.0.0/16 in route table ${rtb}` });
    await ec2.call("DeleteRoute", { RouteTableId: rtb, DestinationCidrBlock: "0.0.0.0/0" });
    expect((await ec2.call("DescribeRouteTables", { RouteTableIds: [rtb] })).RouteTables[0].Routes).toHaveLength(1);
    await ec2.call("DetachInternetGateway", { InternetGatewayId: igwId, VpcId: vpcId });
    await ec2.call("DeleteInternetGateway", { InternetGatewayId: igwId });
    await ec2.call("DeleteRouteTable", { RouteTableId: rtb });
    await ec2.call("DeleteVpc", { VpcId: vpcId });
  });

  it("associates a subnet once, moves associations (the main one too), and refuses deleting an associated or main table", async () => {
    const vpcId = await newVpc("10.40.0.0/16");
    const subnetId = (await ec2.call("CreateSubnet", { VpcId: vpcId, CidrBlock: "10.40.1.0/24" })).Subnet.SubnetId;
    const mainId = (await ec2.call("DescribeRouteTables", { Filters: [{ Name: "vpc-id", Values: [vpcId] }] })).RouteTables[0].RouteTableId;
    const a = (await ec2.call("CreateRouteTable", { VpcId: vpcId })).RouteTable.RouteTableId;
    const b = (await ec2.call("CreateRouteTable", { VpcId: vpcId })).RouteTable.RouteTableId;
    const elsewhere = (await ec2.call("CreateRouteTable", { VpcId: DEFAULT_VPC })).RouteTable.RouteTableId;

    const assoc = await ec2.call("AssociateRouteTable", { RouteTableId: a, SubnetId: subnetId });
    expect(assoc).toEqual({ AssociationId: expect.stringMatching(/^rtbassoc-0[0-9a-f]{16}$/), AssociationState: { State: "associated" } });
    expect(await ec2.error("AssociateRouteTable", { RouteTableId: b, SubnetId: subnetId })).toMatchObject({ code: "Resource.AlreadyAssociated", message: `the specified association for route table ${b} conflicts with an existing association` });
    expect(await ec2.error("AssociateRouteTable", { RouteTableId: elsewhere, SubnetId: subnetId })).toMatchObject({ code: "InvalidParameterValue", message: `route table ${elsewhere} and subnet ${subnetId} belong to different networks` });
    const bySubnet = await ec2.call("DescribeRouteTables", { Filters: [{ Name: "association.subnet-id", Values: [subnetId] }] });
    expect(bySubnet.RouteTables.map((r: any) => r.RouteTableId)).toEqual([a]);
    expect(await ec2.error("DeleteRouteTable", { RouteTableId: a })).toMatchObject({ code: "DependencyViolation", message: `The routeTable '${a}' has dependencies and cannot be deleted.` });

    const moved = await ec2.call("ReplaceRouteTableAssociation", { AssociationId: assoc.AssociationId, RouteTableId: b });
    expect(moved.NewAssociationId).not.toBe(assoc.AssociationId);
    expect(await ec2.error("DisassociateRouteTable", { AssociationId: assoc.AssociationId })).toMatchObject({ code: "InvalidAssociationID.NotFound", message: `The association ID '${assoc.AssociationId}' does not exist` });
    await ec2.call("DisassociateRouteTable", { AssociationId: moved.NewAssociationId });
    await ec2.call("DeleteRouteTable", { RouteTableId: a });

    const mainAssoc = (await ec2.call("DescribeRouteTables", { RouteTableIds: [mainId] })).RouteTables[0].Associations[0].RouteTableAssociationId;
    expect(await ec2.error("DisassociateRouteTable", { AssociationId: mainAssoc })).toMatchObject({ code: "InvalidParameterValue", message: `cannot disassociate the main route table association ${mainAssoc}` });
    expect(await ec2.error("DeleteRouteTable", { RouteTableId: mainId })).toMatchObject({ code: "DependencyViolation" });
    const newMain = await ec2.call("ReplaceRouteTableAssociation", { AssociationId: mainAssoc, RouteTableId: b });
    const mains = (await ec2.call("DescribeRouteTables", { Filters: [{ Name: "association.main", Values: ["true"] }, { Name: "vpc-id", Values: [vpcId] }] })).RouteTables;
    expect(mains.map((r: any) => [r.RouteTableId, r.Associations[0].RouteTableAssociationId])).toEqual([[b, newMain.NewAssociationId]]);
    // The old main table is an ordinary one now, and a VPC keeps its own tables until they go.
    await ec2.call("DeleteSubnet", { SubnetId: subnetId });
    expect(await ec2.error("DeleteVpc", { VpcId: vpcId })).toMatchObject({ code: "DependencyViolation" });
    await ec2.call("DeleteRouteTable", { RouteTableId: mainId });
    await ec2.call("DeleteRouteTable", { RouteTableId: elsewhere });
    await ec2.call("DeleteVpc", { VpcId: vpcId });
    expect(await ec2.error("DescribeRouteTables", { RouteTableIds: [b] })).toMatchObject({ code: "InvalidRouteTableID.NotFound" });
  });
});

describe("routes to instances and interfaces, and regions", () => {
  it("routes through an instance's interface, a blackhole while the instance is stopped", async () => {
    const table = (await ec2.call("CreateRouteTable", { VpcId: DEFAULT_VPC })).RouteTable.RouteTableId;
    const inst = (await ec2.call("RunInstances", { ImageId: "ami-0123456789abcdef0", MinCount: 1, MaxCount: 1 })).Instances[0];
    const eniId = inst.NetworkInterfaces[0].NetworkInterfaceId;
    await ec2.call("CreateRoute", { RouteTableId: table, DestinationCidrBlock: "10.200.0.0/16", InstanceId: inst.InstanceId });
    await ec2.call("CreateRoute", { RouteTableId: table, DestinationCidrBlock: "10.201.0.0/16", NetworkInterfaceId: eniId });
    expect(await ec2.error("CreateRoute", { RouteTableId: table, DestinationCidrBlock: "10.202.0.0/16", InstanceId: inst.InstanceId, NetworkInterfaceId: eniId })).toMatchObject({ code: "InvalidParameterCombination" });
    const routes = async () => (await ec2.call("DescribeRouteTables", { Filters: [{ Name: "route.destination-cidr-block", Values: ["10.200.0.0/16"] }] })).RouteTables[0].Routes.slice(1);
    expect(await routes()).toEqual([
      { DestinationCidrBlock: "10.200.0.0/16", InstanceId: inst.InstanceId, InstanceOwnerId: ACCOUNT, NetworkInterfaceId: eniId, Origin: "CreateRoute", State: "active" },
      { DestinationCidrBlock: "10.201.0.0/16", NetworkInterfaceId: eniId, InstanceId: inst.InstanceId, InstanceOwnerId: ACCOUNT, Origin: "CreateRoute", State: "active" },
    ]);
    await ec2.call("StopInstances", { InstanceIds: [inst.InstanceId] });
    expect((await routes()).map((r: any) => r.State)).toEqual(["blackhole", "blackhole"]);
    await ec2.call("ReplaceRoute", { RouteTableId: table, DestinationCidrBlock: "10.201.0.0/16", GatewayId: stableId("igw", ACCOUNT, "us-east-1", DEFAULT_VPC) });
    expect((await routes())[1]).toMatchObject({ GatewayId: stableId("igw", ACCOUNT, "us-east-1", DEFAULT_VPC), State: "active" });
    await ec2.call("TerminateInstances", { InstanceIds: [inst.InstanceId] });
    await ec2.call("DeleteRouteTable", { RouteTableId: table });
  });

  it("describes AWS's regions: the enabled ones, all with AllRegions, by name and by filter", async () => {
    const enabled = (await ec2.call("DescribeRegions", {})).Regions;
    expect(enabled).toHaveLength(17);
    expect(enabled.find((r: any) => r.RegionName === "eu-west-1")).toEqual({ Endpoint: "ec2.eu-west-1.amazonaws.com", RegionName: "eu-west-1", OptInStatus: "opt-in-not-required" });
    const all = (await ec2.call("DescribeRegions", { AllRegions: true })).Regions;
    expect(all.find((r: any) => r.RegionName === "af-south-1")).toMatchObject({ OptInStatus: "not-opted-in" });
    expect((await ec2.call("DescribeRegions", { Filters: [{ Name: "region-name", Values: ["us-*"] }] })).Regions.map((r: any) => r.RegionName)).toEqual(["us-east-1", "us-east-2", "us-west-1", "us-west-2"]);
    const signedFor = (await ec2.call("DescribeRegions", { RegionNames: ["af-south-1"] }, { region: "af-south-1" })).Regions;
    expect(signedFor).toEqual([{ Endpoint: "ec2.af-south-1.amazonaws.com", RegionName: "af-south-1", OptInStatus: "opted-in" }]);
    expect(await ec2.error("DescribeRegions", { RegionNames: ["mars-north-1"] })).toMatchObject({ code: "InvalidParameterValue", message: "Invalid region: mars-north-1" });
  });
});
