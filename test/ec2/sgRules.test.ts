// Security group rules with ids: egress rules, revoking by permission or by id (Terraform revokes a
// new group's default egress rule), DescribeSecurityGroupRules, ModifySecurityGroupRules and
// descriptions; the SDK v3 client reads the answers.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AuthorizeSecurityGroupIngressCommand, DescribeSecurityGroupRulesCommand, EC2Client, RevokeSecurityGroupEgressCommand } from "@aws-sdk/client-ec2";
import { startLocal, type TestLocal } from "../helpers/local.js";
import { queryCaller, type QueryCaller } from "../helpers/query.js";
import { defaultVpcId } from "../../src/services/ec2/domain/network.js";

const ACCOUNT = "000000000000";
const ALL_OUT = { IpProtocol: "-1", IpRanges: [{ CidrIp: "0.0.0.0/0" }] };

let t: TestLocal;
let ec2: QueryCaller;
let vpcId: string;
beforeAll(async () => {
  t = await startLocal();
  ec2 = queryCaller(t, "ec2");
  vpcId = (await ec2.call("CreateVpc", { CidrBlock: "10.80.0.0/16" })).Vpc.VpcId;
});
afterAll(() => t.close());

const group = async (name: string, vpc = vpcId) => (await ec2.call("CreateSecurityGroup", { GroupName: name, Description: name, VpcId: vpc })).GroupId;
const rulesOf = async (groupId: string) => (await ec2.call("DescribeSecurityGroupRules", { Filters: [{ Name: "group-id", Values: [groupId] }] })).SecurityGroupRules;

describe("egress rules", () => {
  it("revokes a new group's allow-all egress rule as Terraform does, then authorizes others with ids and refuses duplicates in EC2's words", async () => {
    const sg = await group("app");
    const [egress] = await rulesOf(sg);
    expect(egress).toEqual({
      SecurityGroupRuleId: expect.stringMatching(/^sgr-0[0-9a-f]{16}$/),
      GroupId: sg,
      GroupOwnerId: ACCOUNT,
      IsEgress: true,
      IpProtocol: "-1",
      FromPort: -1,
      ToPort: -1,
      CidrIpv4: "0.0.0.0/0",
      SecurityGroupRuleArn: `arn:aws:ec2:us-east-1:${ACCOUNT}:security-group-rule/${egress.SecurityGroupRuleId}`,
      Tags: [],
    });
    expect(await ec2.error("AuthorizeSecurityGroupEgress", { GroupId: sg, IpPermissions: [ALL_OUT] })).toMatchObject({ code: "InvalidPermission.Duplicate", message: 'the specified rule "peer: 0.0.0.0/0, ALL, ALLOW" already exists' });

    // Terraform sends ports 0 and 0 with protocol -1, then the IPv6 twin, whose NotFound it ignores.
    const revoked = await ec2.call("RevokeSecurityGroupEgress", { GroupId: sg, IpPermissions: [{ ...ALL_OUT, FromPort: 0, ToPort: 0 }] });
    expect(revoked).toEqual({ Return: true, RevokedSecurityGroupRules: [{ SecurityGroupRuleId: egress.SecurityGroupRuleId, GroupId: sg, IsEgress: true, IpProtocol: "-1", FromPort: -1, ToPort: -1, CidrIpv4: "0.0.0.0/0" }] });
    expect((await ec2.call("DescribeSecurityGroups", { GroupIds: [sg] })).SecurityGroups[0].IpPermissionsEgress ?? []).toEqual([]);
    expect(await ec2.error("RevokeSecurityGroupEgress", { GroupId: sg, IpPermissions: [{ IpProtocol: "-1", FromPort: 0, ToPort: 0, Ipv6Ranges: [{ CidrIpv6: "::/0" }] }] })).toMatchObject({
      code: "InvalidPermission.NotFound",
      message: "The specified rule does not exist in this security group.",
    });

    const db = await group("db");
    const added = await ec2.call("AuthorizeSecurityGroupEgress", {
      GroupId: sg,
      IpPermissions: [
        { IpProtocol: "tcp", FromPort: 443, ToPort: 443, IpRanges: [{ CidrIp: "0.0.0.0/0", Description: "https" }], Ipv6Ranges: [{ CidrIpv6: "::/0" }] },
        { IpProtocol: "6", FromPort: 5432, ToPort: 5432, UserIdGroupPairs: [{ GroupId: db }] },
      ],
      TagSpecifications: [{ ResourceType: "security-group-rule", Tags: [{ Key: "team", Value: "web" }] }],
    });
    expect(added.Return).toBe(true);
    expect(added.SecurityGroupRules.map((r: any) => [r.IsEgress, r.IpProtocol, r.FromPort, r.CidrIpv4 ?? r.CidrIpv6 ?? r.ReferencedGroupInfo.GroupId, r.Description, r.Tags])).toEqual([
      [true, "tcp", 443, "0.0.0.0/0", "https", [{ Key: "team", Value: "web" }]],
      [true, "tcp", 443, "::/0", undefined, [{ Key: "team", Value: "web" }]],
      [true, "tcp", 5432, db, undefined, [{ Key: "team", Value: "web" }]],
    ]);
    expect(await ec2.error("AuthorizeSecurityGroupEgress", { GroupId: sg, IpPermissions: [{ IpProtocol: "tcp", FromPort: 5432, ToPort: 5432, UserIdGroupPairs: [{ GroupId: db }] }] })).toMatchObject({
      code: "InvalidPermission.Duplicate",
      message: `the specified rule "peer: ${db}, TCP, from port: 5432, to port: 5432, ALLOW" already exists`,
    });
    const described = (await ec2.call("DescribeSecurityGroups", { GroupIds: [sg] })).SecurityGroups[0];
    expect(described.IpPermissionsEgress).toEqual([
      { IpProtocol: "tcp", FromPort: 443, ToPort: 443, IpRanges: [{ CidrIp: "0.0.0.0/0", Description: "https" }], Ipv6Ranges: [{ CidrIpv6: "::/0" }], PrefixListIds: [], UserIdGroupPairs: [] },
      { IpProtocol: "tcp", FromPort: 5432, ToPort: 5432, IpRanges: [], Ipv6Ranges: [], PrefixListIds: [], UserIdGroupPairs: [{ GroupId: db, UserId: ACCOUNT }] },
    ]);
    const byEgressPort = await ec2.call("DescribeSecurityGroups", { Filters: [{ Name: "egress.ip-permission.to-port", Values: ["5432"] }] });
    expect(byEgressPort.SecurityGroups.map((g: any) => g.GroupId)).toEqual([sg]);
    // A group another group's rule refers to stays until that rule goes.
    expect(await ec2.error("DeleteSecurityGroup", { GroupId: db })).toMatchObject({ code: "DependencyViolation", message: `resource ${db} has a dependent object` });
    const byTag = await ec2.call("DescribeSecurityGroupRules", { Filters: [{ Name: "tag:team", Values: ["web"] }], MaxResults: 5 });
    expect(byTag.SecurityGroupRules).toHaveLength(3);
    await ec2.call("RevokeSecurityGroupEgress", { GroupId: sg, SecurityGroupRuleIds: [added.SecurityGroupRules[2].SecurityGroupRuleId] });
    await ec2.call("DeleteSecurityGroup", { GroupId: db });
    await ec2.call("DeleteSecurityGroup", { GroupId: sg });
    expect(await ec2.error("DescribeSecurityGroupRules", { SecurityGroupRuleIds: [added.SecurityGroupRules[0].SecurityGroupRuleId] })).toMatchObject({ code: "InvalidSecurityGroupRuleId.NotFound" });
  });
});

describe("revoking, modifying and describing rules", () => {
  it("revokes ingress by id (an unknown id refuses all), modifies a rule in place keeping its id, and updates descriptions", async () => {
    const sg = await group("api");
    const auth = await ec2.call("AuthorizeSecurityGroupIngress", { GroupId: sg, IpPermissions: [{ IpProtocol: "tcp", FromPort: 80, ToPort: 80, IpRanges: [{ CidrIp: "10.0.0.0/8" }, { CidrIp: "192.168.0.0/16" }] }] });
    const [first, second] = auth.SecurityGroupRules.map((r: any) => r.SecurityGroupRuleId);
    expect(await ec2.error("RevokeSecurityGroupIngress", { GroupId: sg, SecurityGroupRuleIds: [first, "sgr-0123456789abcdef0"] })).toMatchObject({
      code: "InvalidSecurityGroupRuleId.NotFound",
      message: "The security group rule ID 'sgr-0123456789abcdef0' does not exist",
    });
    expect((await rulesOf(sg)).filter((r: any) => !r.IsEgress)).toHaveLength(2);

    await ec2.call("ModifySecurityGroupRules", { GroupId: sg, SecurityGroupRules: [{ SecurityGroupRuleId: first, SecurityGroupRule: { IpProtocol: "tcp", FromPort: 8080, ToPort: 8080, CidrIpv4: "10.0.0.0/8", Description: "alt" } }] });
    const modified = (await ec2.call("DescribeSecurityGroupRules", { SecurityGroupRuleIds: [first] })).SecurityGroupRules[0];
    expect(modified).toMatchObject({ SecurityGroupRuleId: first, IsEgress: false, FromPort: 8080, ToPort: 8080, CidrIpv4: "10.0.0.0/8", Description: "alt" });
    expect(await ec2.error("ModifySecurityGroupRules", { GroupId: sg, SecurityGroupRules: [{ SecurityGroupRuleId: first, SecurityGroupRule: { IpProtocol: "tcp", FromPort: 80, ToPort: 80, CidrIpv4: "192.168.0.0/16" } }] })).toMatchObject({
      code: "InvalidPermission.Duplicate",
    });

    await ec2.call("UpdateSecurityGroupRuleDescriptionsIngress", { GroupId: sg, IpPermissions: [{ IpProtocol: "tcp", FromPort: 80, ToPort: 80, IpRanges: [{ CidrIp: "192.168.0.0/16", Description: "office" }] }] });
    await ec2.call("UpdateSecurityGroupRuleDescriptionsEgress", { GroupId: sg, SecurityGroupRuleDescriptions: [{ SecurityGroupRuleId: (await rulesOf(sg)).find((r: any) => r.IsEgress).SecurityGroupRuleId, Description: "out" }] });
    const perms = (await ec2.call("DescribeSecurityGroups", { GroupIds: [sg] })).SecurityGroups[0];
    expect(perms.IpPermissions.map((p: any) => [p.FromPort, p.IpRanges])).toEqual([
      [8080, [{ CidrIp: "10.0.0.0/8", Description: "alt" }]],
      [80, [{ CidrIp: "192.168.0.0/16", Description: "office" }]],
    ]);
    expect(perms.IpPermissionsEgress[0].IpRanges).toEqual([{ CidrIp: "0.0.0.0/0", Description: "out" }]);
    expect(await ec2.error("UpdateSecurityGroupRuleDescriptionsIngress", { GroupId: sg, IpPermissions: [{ IpProtocol: "udp", FromPort: 53, ToPort: 53, IpRanges: [{ CidrIp: "10.0.0.0/8" }] }] })).toMatchObject({
      code: "InvalidPermission.NotFound",
    });

    const out = await ec2.call("RevokeSecurityGroupIngress", { GroupId: sg, SecurityGroupRuleIds: [first, second] });
    expect(out.RevokedSecurityGroupRules.map((r: any) => r.SecurityGroupRuleId)).toEqual([first, second]);
    await ec2.call("DeleteSecurityGroup", { GroupId: sg });
  });

  it("answers a revoke of unknown permissions in the default VPC with UnknownIpPermissions, not an error", async () => {
    const sg = await group("legacy", defaultVpcId(ACCOUNT, "us-east-1"));
    const unknown = { IpProtocol: "tcp", FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: "203.0.113.0/24" }] };
    const out = await ec2.call("RevokeSecurityGroupIngress", { GroupName: "legacy", IpPermissions: [unknown] });
    expect(out).toMatchObject({ Return: true, UnknownIpPermissions: [{ IpProtocol: "tcp", FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: "203.0.113.0/24" }] }] });
    await ec2.call("DeleteSecurityGroup", { GroupId: sg });
  });

  it("answers the SDK v3 client", async () => {
    const client = new EC2Client({ endpoint: t.url, region: "us-east-1", credentials: { accessKeyId: "test", secretAccessKey: "test" } });
    const sg = await group("sdk");
    const auth = await client.send(new AuthorizeSecurityGroupIngressCommand({ GroupId: sg, IpPermissions: [{ IpProtocol: "tcp", FromPort: 443, ToPort: 443, IpRanges: [{ CidrIp: "0.0.0.0/0" }] }] }));
    expect(auth.SecurityGroupRules![0]).toMatchObject({ GroupId: sg, IsEgress: false, FromPort: 443, CidrIpv4: "0.0.0.0/0" });
    const rules = await client.send(new DescribeSecurityGroupRulesCommand({ Filters: [{ Name: "group-id", Values: [sg] }] }));
    expect(rules.SecurityGroupRules!.map((r) => r.IsEgress)).toEqual([true, false]);
    const revoked = await client.send(new RevokeSecurityGroupEgressCommand({ GroupId: sg, SecurityGroupRuleIds: [rules.SecurityGroupRules![0].SecurityGroupRuleId!] }));
    expect(revoked.RevokedSecurityGroupRules![0].SecurityGroupRuleId).toBe(rules.SecurityGroupRules![0].SecurityGroupRuleId);
  });
});
