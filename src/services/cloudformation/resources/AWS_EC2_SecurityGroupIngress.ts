// AWS::EC2::SecurityGroupIngress: one rule on a group; every change replaces it. Ref is the rule's id.
import type { ResourceProvider } from "./provider.js";
import { ipPermission } from "./securityGroupRules.js";

export const provider: ResourceProvider = {
  type: "AWS::EC2::SecurityGroupIngress",
  operations: { ec2: ["AuthorizeSecurityGroupIngress", "RevokeSecurityGroupIngress"] },
  attributes: ["Id"],
  replaceOn: ["*"],
  create(props, pc) {
    const group = props.GroupId !== undefined ? { GroupId: props.GroupId } : { GroupName: props.GroupName };
    const out = pc.call("ec2", "AuthorizeSecurityGroupIngress", { ...group, IpPermissions: [ipPermission(props)] });
    const id = out.SecurityGroupRules?.[0]?.SecurityGroupRuleId as string;
    return { physicalId: id, attributes: { Id: id, GroupId: out.SecurityGroupRules?.[0]?.GroupId } };
  },
  delete(record, pc) {
    pc.call("ec2", "RevokeSecurityGroupIngress", { GroupId: String(record.attributes.GroupId), SecurityGroupRuleIds: [record.physicalId!] });
  },
};
