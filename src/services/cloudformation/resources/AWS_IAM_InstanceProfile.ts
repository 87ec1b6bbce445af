// AWS::IAM::InstanceProfile: Ref is the profile's name; its role follows Roles; name and path replace.
import type { ResourceProvider, ProviderContext } from "./provider.js";

function roles(pc: ProviderContext, name: string, before: string[] = [], after: string[] = []): void {
  for (const r of before) if (!after.includes(r)) pc.call("iam", "RemoveRoleFromInstanceProfile", { InstanceProfileName: name, RoleName: r });
  for (const r of after) if (!before.includes(r)) pc.call("iam", "AddRoleToInstanceProfile", { InstanceProfileName: name, RoleName: r });
}

export const provider: ResourceProvider = {
  type: "AWS::IAM::InstanceProfile",
  operations: { iam: ["CreateInstanceProfile", "DeleteInstanceProfile", "AddRoleToInstanceProfile", "RemoveRoleFromInstanceProfile"] },
  attributes: ["Arn"],
  replaceOn: ["InstanceProfileName", "Path"],
  nameProperty: "InstanceProfileName",
  create(props, pc) {
    const name = props.InstanceProfileName ?? pc.generatedName(128, { upper: true });
    const p = pc.call("iam", "CreateInstanceProfile", { InstanceProfileName: name, ...(props.Path !== undefined ? { Path: props.Path } : {}) }).InstanceProfile;
    roles(pc, name, [], props.Roles);
    return { physicalId: name, attributes: { Arn: p.Arn } };
  },
  update(props, old, pc) {
    roles(pc, old.physicalId!, old.properties?.Roles as string[], props.Roles);
    return { physicalId: old.physicalId!, attributes: old.attributes };
  },
  delete(record, pc) {
    roles(pc, record.physicalId!, record.properties?.Roles as string[], []);
    pc.call("iam", "DeleteInstanceProfile", { InstanceProfileName: record.physicalId! });
  },
};
