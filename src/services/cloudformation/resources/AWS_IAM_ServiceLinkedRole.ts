// AWS::IAM::ServiceLinkedRole: Ref is the role's name; the description updates, the rest replaces.
import type { ResourceProvider } from "./provider.js";

export const provider: ResourceProvider = {
  type: "AWS::IAM::ServiceLinkedRole",
  operations: { iam: ["CreateServiceLinkedRole", "DeleteServiceLinkedRole", "UpdateRoleDescription"] },
  attributes: ["RoleName"],
  replaceOn: ["AWSServiceName", "CustomSuffix"],
  create(props, pc) {
    const role = pc.call("iam", "CreateServiceLinkedRole", {
      AWSServiceName: props.AWSServiceName,
      ...(props.Description !== undefined ? { Description: props.Description } : {}),
      ...(props.CustomSuffix !== undefined ? { CustomSuffix: props.CustomSuffix } : {}),
    }).Role;
    return { physicalId: role.RoleName, attributes: { RoleName: role.RoleName, Arn: role.Arn } };
  },
  update(props, old, pc) {
    pc.call("iam", "UpdateRoleDescription", { RoleName: old.physicalId!, Description: props.Description ?? "" });
    return { physicalId: old.physicalId!, attributes: old.attributes };
  },
  delete(record, pc) {
    pc.call("iam", "DeleteServiceLinkedRole", { RoleName: record.physicalId! });
  },
};
