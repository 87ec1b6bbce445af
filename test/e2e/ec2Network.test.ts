// A two-tier VPC end to end, as Terraform modules and the CDK declare it: boto3 builds the VPC, two
// public and two private subnets, an internet gateway, the public route table, an Elastic IP and a
// NAT gateway; the `aws` CLI waits for the NAT gateway and makes a security group whose default
// egress rule it revokes and replaces; boto3 routes the private subnets through the NAT gateway.
// Then everything is torn down in dependency order, the CLI meeting a DependencyViolation on the way.
import { afterAll, beforeAll, describe, expect } from "vitest";
import { CALL_TIMEOUT_MS, orderedSteps } from "./budget.js";
import { startServer, type RunningServer } from "./server.js";
import { botoPresent, clientEnv, cliPresent, awsCli, run } from "./tools.js";

let server: RunningServer;

if (!cliPresent || !botoPresent) console.warn("skipping the EC2 networking end-to-end test: it needs both the `aws` CLI and boto3");

const env = clientEnv();

async function aws(...args: string[]): Promise<any> {
  const { stdout } = await awsCli(["ec2", ...args, "--endpoint-url", server.url, "--output", "json"], { timeout: CALL_TIMEOUT_MS, env });
  return stdout.trim() ? JSON.parse(stdout) : {};
}

async function python(script: string, input: unknown = {}): Promise<any> {
  const prelude = `import boto3, json, sys\nec2 = boto3.client("ec2", endpoint_url=sys.argv[1], region_name="us-east-1")\nIN = json.loads(sys.argv[2])\n`;
  const { stdout } = await run("python3", ["-c", prelude + script, server.url, JSON.stringify(input)], { timeout: CALL_TIMEOUT_MS, env });
  return JSON.parse(stdout);
}

const BUILD = `
vpc = ec2.create_vpc(CidrBlock="10.0.0.0/16", TagSpecifications=[{"ResourceType": "vpc", "Tags": [{"Key": "Name", "Value": "two-tier"}]}])["Vpc"]["VpcId"]
ec2.get_waiter("vpc_available").wait(VpcIds=[vpc], WaiterConfig={"Delay": 1, "MaxAttempts": 5})
ec2.modify_vpc_attribute(VpcId=vpc, EnableDnsHostnames={"Value": True})
subnets = {}
for i, (name, zone) in enumerate([("public-a", "a"), ("public-b", "b"), ("private-a", "a"), ("private-b", "b")]):
    subnets[name] = ec2.create_subnet(VpcId=vpc, CidrBlock=f"10.0.{i}.0/24", AvailabilityZone="us-east-1" + zone)["Subnet"]["SubnetId"]
for name in ("public-a", "public-b"):
    ec2.modify_subnet_attribute(SubnetId=subnets[name], MapPublicIpOnLaunch={"Value": True})
igw = ec2.create_internet_gateway()["InternetGateway"]["InternetGatewayId"]
ec2.attach_internet_gateway(InternetGatewayId=igw, VpcId=vpc)
public = ec2.create_route_table(VpcId=vpc)["RouteTable"]["RouteTableId"]
ec2.create_route(RouteTableId=public, DestinationCidrBlock="0.0.0.0/0", GatewayId=igw)
assocs = [ec2.associate_route_table(RouteTableId=public, SubnetId=subnets[n])["AssociationId"] for n in ("public-a", "public-b")]
eip = ec2.allocate_address(Domain="vpc")
nat = ec2.create_nat_gateway(SubnetId=subnets["public-a"], AllocationId=eip["AllocationId"])["NatGateway"]
print(json.dumps({"vpc": vpc, "subnets": subnets, "igw": igw, "public": public, "assocs": assocs, "eip": eip["AllocationId"], "publicIp": eip["PublicIp"], "nat": nat["NatGatewayId"], "natState": nat["State"]}))
`;

const PRIVATE = `
private = ec2.create_route_table(VpcId=IN["vpc"])["RouteTable"]["RouteTableId"]
ec2.create_route(RouteTableId=private, DestinationCidrBlock="0.0.0.0/0", NatGatewayId=IN["nat"])
assocs = [ec2.associate_route_table(RouteTableId=private, SubnetId=IN["subnets"][n])["AssociationId"] for n in ("private-a", "private-b")]
tables = ec2.describe_route_tables(Filters=[{"Name": "vpc-id", "Values": [IN["vpc"]]}])["RouteTables"]
routes = {t["RouteTableId"]: [(r["DestinationCidrBlock"], r.get("GatewayId") or r.get("NatGatewayId"), r["State"]) for r in t["Routes"]] for t in tables}
print(json.dumps({"private": private, "assocs": assocs, "routes": routes}))
`;

const TEARDOWN = `
try:
    ec2.delete_vpc(VpcId=IN["vpc"])
    refused = None
except ec2.exceptions.ClientError as e:
    refused = e.response["Error"]["Code"]
ec2.delete_nat_gateway(NatGatewayId=IN["nat"])
ec2.get_waiter("nat_gateway_deleted").wait(NatGatewayIds=[IN["nat"]], WaiterConfig={"Delay": 1, "MaxAttempts": 10})
ec2.release_address(AllocationId=IN["eip"])
for a in IN["assocs"]:
    ec2.disassociate_route_table(AssociationId=a)
for t in (IN["public"], IN["private"]):
    ec2.delete_route_table(RouteTableId=t)
ec2.detach_internet_gateway(InternetGatewayId=IN["igw"], VpcId=IN["vpc"])
ec2.delete_internet_gateway(InternetGatewayId=IN["igw"])
for s in IN["subnets"].values():
    ec2.delete_subnet(SubnetId=s)
ec2.delete_security_group(GroupId=IN["sg"])
ec2.delete_vpc(VpcId=IN["vpc"])
left = ec2.describe_vpcs(Filters=[{"Name": "tag:Name", "Values": ["two-tier"]}])["Vpcs"]
print(json.dumps({"refused": refused, "left": left}))
`;

describe.skipIf(!cliPresent || !botoPresent)("a two-tier VPC with the aws CLI and boto3", () => {
  beforeAll(async () => {
    server = await startServer({ ECS_LOCAL_VALIDATE_OUTPUT: "1" });
  });
  afterAll(async () => server?.stop());

  const step = orderedSteps();
  let built: any;
  let sg: string;

  step("boto3 builds the VPC, subnets, internet gateway, public routes, an Elastic IP and a NAT gateway", 1, async () => {
    built = await python(BUILD);
    expect(built.natState).toBe("pending");
    expect(built.publicIp).toMatch(/^(192\.0\.2|198\.51\.100|203\.0\.113)\.\d+$/);
  });

  step("the CLI waits for the NAT gateway, and replaces a new group's default egress rule", 5, async () => {
    await aws("wait", "nat-gateway-available", "--nat-gateway-ids", built.nat);
    const nat = (await aws("describe-nat-gateways", "--nat-gateway-ids", built.nat)).NatGateways[0];
    expect(nat).toMatchObject({ State: "available", NatGatewayAddresses: [{ AllocationId: built.eip, PublicIp: built.publicIp, IsPrimary: true, Status: "succeeded" }] });
    sg = (await aws("create-security-group", "--group-name", "app", "--description", "app tier", "--vpc-id", built.vpc)).GroupId;
    const revoked = await aws("revoke-security-group-egress", "--group-id", sg, "--ip-permissions", "IpProtocol=-1,IpRanges=[{CidrIp=0.0.0.0/0}]");
    expect(revoked.Return).toBe(true);
    expect(revoked.RevokedSecurityGroupRules).toHaveLength(1);
    const added = await aws("authorize-security-group-egress", "--group-id", sg, "--ip-permissions", "IpProtocol=tcp,FromPort=443,ToPort=443,IpRanges=[{CidrIp=0.0.0.0/0}]");
    expect(added.SecurityGroupRules.map((r: any) => [r.IsEgress, r.IpProtocol, r.FromPort, r.CidrIpv4])).toEqual([[true, "tcp", 443, "0.0.0.0/0"]]);
  });

  step("boto3 routes the private subnets through the NAT gateway", 1, async () => {
    const out = await python(PRIVATE, built);
    Object.assign(built, { private: out.private, assocs: [...built.assocs, ...out.assocs], sg });
    expect(out.routes[built.public]).toEqual([
      ["10.0.0.0/16", "local", "active"],
      ["0.0.0.0/0", built.igw, "active"],
    ]);
    expect(out.routes[out.private]).toEqual([
      ["10.0.0.0/16", "local", "active"],
      ["0.0.0.0/0", built.nat, "active"],
    ]);
  });

  step("everything comes down in dependency order, after the CLI meets a DependencyViolation", 2, async () => {
    const refused = await awsCli(["ec2", "delete-internet-gateway", "--internet-gateway-id", built.igw, "--endpoint-url", server.url], { timeout: CALL_TIMEOUT_MS, env }).then(
      () => "",
      (e) => String(e.stderr),
    );
    expect(refused).toContain(`An error occurred (DependencyViolation) when calling the DeleteInternetGateway operation: The internetGateway '${built.igw}' has dependencies and cannot be deleted.`);
    const out = await python(TEARDOWN, built);
    expect(out).toEqual({ refused: "DependencyViolation", left: [] });
  });
});
