// EC2 networking from a template: internet gateway and its attachment, route tables, routes and
// associations, an Elastic IP behind a NAT gateway, an egress rule; made, changed and deleted
// through EC2's own operations.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startLocal, type TestLocal } from "../helpers/local.js";
import { queryCaller, type QueryCaller } from "../helpers/query.js";
import { SUBNET_A } from "../helpers/fixtures.js";
import { jsonCalls } from "../helpers/json.js";

const body = readFileSync(new URL("./templates/vpc-network.yaml", import.meta.url), "utf8");

let t: TestLocal;
let cfn: QueryCaller;
let ec2: QueryCaller;
beforeAll(async () => {
  t = await startLocal();
  cfn = queryCaller(t, "cloudformation");
  ec2 = queryCaller(t, "ec2");
});
afterAll(() => t.close());

const physical = async (id: string) => (await cfn.call("DescribeStackResource", { StackName: "net", LogicalResourceId: id })).StackResourceDetail.PhysicalResourceId;
const status = async () => (await cfn.call("DescribeStacks", { StackName: "net" })).Stacks[0];

describe("a VPC with public and private subnets", () => {
  it("is made through EC2, the NAT gateway waited on until available", async () => {
    await cfn.call("CreateStack", { StackName: "net", TemplateBody: body });
    let s = await status();
    for (let i = 0; s.StackStatus === "CREATE_IN_PROGRESS" && i < 20; i++) {
      t.advance(60_000);
      s = await status();
    }
    expect(s.StackStatus).toBe("CREATE_COMPLETE");
    const [vpc, igw, publicRoutes, privateRoutes, nat, publicA] = await Promise.all(["Vpc", "Gateway", "PublicRoutes", "PrivateRoutes", "Nat", "PublicA"].map(physical));
    const outputs = Object.fromEntries(s.Outputs.map((o: any) => [o.OutputKey, o.OutputValue]));
    expect(outputs.Route).toBe(`${publicRoutes}|0.0.0.0/0`);
    const acls = (await ec2.call("DescribeNetworkAcls", { Filters: [{ Name: "vpc-id", Values: [vpc] }] })).NetworkAcls;
    expect(acls.map((a: any) => a.NetworkAclId)).toEqual([outputs.Acl]);
    expect(await physical("Attachment")).toBe(`IGW|${vpc}`);
    const gw = (await ec2.call("DescribeInternetGateways", { InternetGatewayIds: [igw] })).InternetGateways[0];
    expect(gw.Attachments).toEqual([{ State: "available", VpcId: vpc }]);
    const tables = (await ec2.call("DescribeRouteTables", { RouteTableIds: [publicRoutes, privateRoutes] })).RouteTables;
    const routes = (id: string) => tables.find((r: any) => r.RouteTableId === id).Routes.map((r: any) => [r.DestinationCidrBlock, r.GatewayId ?? r.NatGatewayId]);
    expect(routes(publicRoutes)).toEqual([["10.50.0.0/16", "local"], ["0.0.0.0/0", igw]]);
    expect(routes(privateRoutes)).toEqual([["10.50.0.0/16", "local"], ["0.0.0.0/0", nat]]);
    const natGw = (await ec2.call("DescribeNatGateways", { NatGatewayIds: [nat] })).NatGateways[0];
    expect([natGw.State, natGw.SubnetId, natGw.NatGatewayAddresses[0].PublicIp]).toEqual(["available", publicA, outputs.NatIp]);
    const subnet = (await ec2.call("DescribeSubnets", { SubnetIds: [publicA] })).Subnets[0];
    expect(subnet.MapPublicIpOnLaunch).toBe(true);
    const rules = (await ec2.call("DescribeSecurityGroupRules", { Filters: [{ Name: "group-id", Values: [await physical("AppGroup")] }] })).SecurityGroupRules;
    expect(rules.filter((r: any) => r.IsEgress).map((r: any) => [r.IpProtocol, r.FromPort, r.CidrIpv4]).sort()).toEqual([["-1", -1, "0.0.0.0/0"], ["tcp", 443, "0.0.0.0/0"]]);
  });

  it("an update that drops a conditional route deletes it in the cleanup; the stack deletes everything", async () => {
    await cfn.call("UpdateStack", { StackName: "net", UsePreviousTemplate: true, Parameters: [{ ParameterKey: "PrivateTarget", ParameterValue: "none" }] });
    expect((await status()).StackStatus).toBe("UPDATE_COMPLETE");
    const privateRoutes = await physical("PrivateRoutes");
    const routes = (await ec2.call("DescribeRouteTables", { RouteTableIds: [privateRoutes] })).RouteTables[0].Routes;
    expect(routes.map((r: any) => r.DestinationCidrBlock)).toEqual(["10.50.0.0/16"]);
    const vpc = await physical("Vpc");
    const id = (await status()).StackId;
    await cfn.call("DeleteStack", { StackName: "net" });
    let s = (await cfn.call("DescribeStacks", { StackName: id })).Stacks[0];
    for (let i = 0; s.StackStatus === "DELETE_IN_PROGRESS" && i < 20; i++) {
      t.advance(60_000);
      s = (await cfn.call("DescribeStacks", { StackName: id })).Stacks[0];
    }
    const failed = (await cfn.call("DescribeStackEvents", { StackName: id })).StackEvents.filter((e: any) => e.ResourceStatus === "DELETE_FAILED");
    expect(failed).toEqual([]);
    expect(s.StackStatus).toBe("DELETE_COMPLETE");
    expect((await ec2.call("DescribeVpcs", { Filters: [{ Name: "vpc-id", Values: [vpc] }] })).Vpcs).toEqual([]);
    expect((await ec2.call("DescribeAddresses")).Addresses).toEqual([]);
  });

  it("an instance is launched and waited on until running; tags update in place; the delete terminates it", async () => {
    const template = (env: string, type = "t3.micro") => `Resources:
  Host:
    Type: AWS::EC2::Instance
    Properties:
      ImageId: ami-0123456789abcdef0
      InstanceType: ${type}
      SubnetId: ${SUBNET_A}
      Tags: [{ Key: env, Value: ${env} }]
Outputs:
  Ip: { Value: !GetAtt Host.PrivateIp }
  Zone: { Value: !GetAtt Host.AvailabilityZone }`;
    await cfn.call("CreateStack", { StackName: "host", TemplateBody: template("dev") });
    let s = (await cfn.call("DescribeStacks", { StackName: "host" })).Stacks[0];
    for (let i = 0; s.StackStatus === "CREATE_IN_PROGRESS" && i < 10; i++) {
      t.advance(10_000);
      s = (await cfn.call("DescribeStacks", { StackName: "host" })).Stacks[0];
    }
    expect(s.StackStatus).toBe("CREATE_COMPLETE");
    const id = (await cfn.call("DescribeStackResource", { StackName: "host", LogicalResourceId: "Host" })).StackResourceDetail.PhysicalResourceId;
    const described = async () => (await ec2.call("DescribeInstances", { InstanceIds: [id] })).Reservations[0].Instances[0];
    const i = await described();
    expect([i.State.Name, i.InstanceType, i.SubnetId]).toEqual(["running", "t3.micro", SUBNET_A]);
    expect(Object.fromEntries(s.Outputs.map((o: any) => [o.OutputKey, o.OutputValue]))).toEqual({ Ip: i.PrivateIpAddress, Zone: "us-east-1a" });
    await cfn.call("UpdateStack", { StackName: "host", TemplateBody: template("prod") });
    expect((await cfn.call("DescribeStacks", { StackName: "host" })).Stacks[0].StackStatus).toBe("UPDATE_COMPLETE");
    expect((await described()).InstanceId).toBe(id);
    expect((await described()).Tags).toEqual([{ Key: "env", Value: "prod" }]);
    await cfn.call("UpdateStack", { StackName: "host", TemplateBody: template("prod", "t3.large") });
    for (let n = 0; n < 10 && (await cfn.call("DescribeStacks", { StackName: "host" })).Stacks[0].StackStatus === "UPDATE_IN_PROGRESS"; n++) t.advance(10_000);
    const why = (await cfn.call("DescribeStackEvents", { StackName: "host" })).StackEvents.filter((e: any) => e.ResourceStatus === "UPDATE_FAILED").map((e: any) => e.ResourceStatusReason);
    expect(why).toEqual([]);
    expect((await cfn.call("DescribeStacks", { StackName: "host" })).Stacks[0].StackStatus).toBe("UPDATE_COMPLETE");
    expect([(await described()).InstanceId, (await described()).InstanceType, (await described()).State.Name]).toEqual([id, "t3.large", "running"]);
    await cfn.call("DeleteStack", { StackName: "host" });
    for (let n = 0; n < 10 && (await described()).State.Name !== "terminated"; n++) t.advance(10_000);
    expect((await described()).State.Name).toBe("terminated");
  });

  it("a key pair keeps its private key in Parameter Store; a launch template's new data is a new default version", async () => {
    const template = (type: string) => `Resources:
  Key:
    Type: AWS::EC2::KeyPair
    Properties: { KeyName: cfn-key }
  Template:
    Type: AWS::EC2::LaunchTemplate
    Properties:
      LaunchTemplateData:
        ImageId: ami-0123456789abcdef0
        InstanceType: ${type}
        KeyName: !Ref Key
        UserData: !Base64 "#!/bin/bash\\necho ECS_CLUSTER=default >> /etc/ecs/ecs.config"
Outputs:
  Id: { Value: !Ref Template }
  Version: { Value: !GetAtt Template.LatestVersionNumber }
  KeyId: { Value: !GetAtt Key.KeyPairId }`;
    await cfn.call("CreateStack", { StackName: "compute", TemplateBody: template("t3.micro") });
    const out = async () => Object.fromEntries((await cfn.call("DescribeStacks", { StackName: "compute" })).Stacks[0].Outputs.map((o: any) => [o.OutputKey, o.OutputValue]));
    const first = await out();
    expect(first.Version).toBe("1");
    const ssm = jsonCalls(t, "ssm");
    const secret = (await ssm.call("GetParameter", { Name: `/ec2/keypair/${first.KeyId}`, WithDecryption: true })).Parameter;
    expect([secret.Type, secret.Value.startsWith("-----BEGIN RSA PRIVATE KEY-----")]).toEqual(["SecureString", true]);
    await cfn.call("UpdateStack", { StackName: "compute", TemplateBody: template("t3.large") });
    expect((await out()).Version).toBe("2");
    const versions = (await ec2.call("DescribeLaunchTemplateVersions", { LaunchTemplateId: first.Id, Versions: ["$Default"] })).LaunchTemplateVersions;
    expect(versions.map((v: any) => [v.VersionNumber, v.LaunchTemplateData.InstanceType])).toEqual([[2, "t3.large"]]);
    await cfn.call("DeleteStack", { StackName: "compute" });
    expect((await ec2.call("DescribeKeyPairs")).KeyPairs.filter((k: any) => k.KeyName === "cfn-key")).toEqual([]);
    expect((await ssm.error("GetParameter", { Name: `/ec2/keypair/${first.KeyId}` })).code).toBe("ParameterNotFound");
  });
});
