// AWS::EC2::SecurityGroup with inline rules: Ref is the group id. Rules and tags update in place;
// declared egress rules replace the default allow-all rule, as CloudFormation does.
import type { ResourceProvider, ProviderContext } from "./provider.js";
import { retagEc2, tagSpecifications } from "./ec2Tags.js";
import { ipPermission, minus, type Rule } from "./securityGroupRules.js";

const ALL_OUT = { IpProtocol: "-1", IpRanges: [{ CidrIp: "0.0.0.0/0" }] };

function rules(id: string, pc: ProviderContext, add: Rule[], remove: Rule[], egress: boolean): void {
  const dir = egress ? "Egress" : "Ingress";
  if (remove.length) pc.call("ec2", `RevokeSecurityGroup${dir}`, { GroupId: id, IpPermissions: remove.map((r) => ipPermission(r, egress)) });
  if (add.length) pc.call("ec2", `AuthorizeSecurityGroup${dir}`, { GroupId: id, IpPermissions: add.map((r) => ipPermission(r, egress)) });
}

export const provider: ResourceProvider = {
  type: "AWS::EC2::SecurityGroup",
  operations: { ec2: ["CreateSecurityGroup", "DeleteSecurityGroup", "AuthorizeSecurityGroupIngress", "RevokeSecurityGroupIngress", "AuthorizeSecurityGroupEgress", "RevokeSecurityGroupEgress", "CreateTags", "DeleteTags"] },
  attributes: ["GroupId", "VpcId"],
  replaceOn: ["GroupDescription", "GroupName", "VpcId"],
  taggable: true,
  nameProperty: "GroupName",
  create(props, pc) {
    const name = props.GroupName ?? pc.generatedName(255, { upper: true });
    const input: Record<string, unknown> = { GroupName: name, Description: props.GroupDescription, ...tagSpecifications("security-group", props.Tags, pc) };
    if (props.VpcId !== undefined) input.VpcId = props.VpcId;
    const out = pc.call("ec2", "CreateSecurityGroup", input);
    const id = out.GroupId as string;
    rules(id, pc, props.SecurityGroupIngress ?? [], [], false);
    if (props.SecurityGroupEgress?.length) {
      pc.call("ec2", "RevokeSecurityGroupEgress", { GroupId: id, IpPermissions: [ALL_OUT] });
      rules(id, pc, props.SecurityGroupEgress, [], true);
    }
    const vpc = pc.call("ec2", "DescribeSecurityGroups", { GroupIds: [id] }).SecurityGroups[0].VpcId;
    return { physicalId: id, attributes: { GroupId: id, VpcId: vpc } };
  },
  update(props, old, pc) {
    const id = old.physicalId!;
    const before = old.properties ?? {};
    rules(id, pc, minus(props.SecurityGroupIngress, before.SecurityGroupIngress as Rule[]), minus(before.SecurityGroupIngress as Rule[], props.SecurityGroupIngress), false);
    rules(id, pc, minus(props.SecurityGroupEgress, before.SecurityGroupEgress as Rule[]), minus(before.SecurityGroupEgress as Rule[], props.SecurityGroupEgress), true);
    retagEc2(pc, id, before.Tags as never, props.Tags);
    return { physicalId: id, attributes: old.attributes };
  },
  delete(record, pc) {
    pc.call("ec2", "DeleteSecurityGroup", { GroupId: record.physicalId! });
  },
};
