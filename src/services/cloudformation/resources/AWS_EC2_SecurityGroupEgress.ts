// AWS::EC2::SecurityGroupEgress: one outbound rule on a group; every change replaces it. Ref is the rule's id.
import type { ResourceProvider } from "./provider.js";
import { ipPermission } from "./securityGroupRules.js";

export const provider: ResourceProvider = {
  type: "AWS::EC2::SecurityGroupEgress",
  operations: { ec2: ["AuthorizeSecurityGroupEgress", "RevokeSecurityGroupEgress"] },
  attributes: ["Id"],
  replaceOn: ["*"],
  create(props, pc) {
    const out = pc.call("ec2", "AuthorizeSecurityGroupEgress", { GroupId: props.GroupId, IpPermissions: [ipPermission(props, true)] });
    const id = out.SecurityGroupRules?.[0]?.SecurityGroupRuleId as string;
    return { physicalId: id, attributes: { Id: id, GroupId: props.GroupId } };
  },
  delete(record, pc) {
    pc.call("ec2", "RevokeSecurityGroupEgress", { GroupId: String(record.attributes.GroupId), SecurityGroupRuleIds: [record.physicalId!] });
  },
};
