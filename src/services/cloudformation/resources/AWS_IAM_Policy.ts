// AWS::IAM::Policy: an inline policy put on roles and users. Ref is a generated id (no ARN exists);
// every change updates in place: the policy follows the roles and users the template names.
import type { ResourceProvider, ProviderContext } from "./provider.js";
import { policyText } from "./iamDocuments.js";

function put(pc: ProviderContext, props: Record<string, any>): void {
  const doc = policyText(props.PolicyDocument);
  for (const r of props.Roles ?? []) pc.call("iam", "PutRolePolicy", { RoleName: r, PolicyName: props.PolicyName, PolicyDocument: doc });
  for (const u of props.Users ?? []) pc.call("iam", "PutUserPolicy", { UserName: u, PolicyName: props.PolicyName, PolicyDocument: doc });
  if (props.Groups?.length) throw new Error("ecs-local has no IAM groups: AWS::IAM::Policy can name Roles and Users only.");
}

function remove(pc: ProviderContext, props: Record<string, any>, keep: Record<string, any> = {}): void {
  for (const r of props.Roles ?? []) if (props.PolicyName !== keep.PolicyName || !(keep.Roles ?? []).includes(r)) pc.call("iam", "DeleteRolePolicy", { RoleName: r, PolicyName: props.PolicyName });
  for (const u of props.Users ?? []) if (props.PolicyName !== keep.PolicyName || !(keep.Users ?? []).includes(u)) pc.call("iam", "DeleteUserPolicy", { UserName: u, PolicyName: props.PolicyName });
}

export const provider: ResourceProvider = {
  type: "AWS::IAM::Policy",
  operations: { iam: ["PutRolePolicy", "DeleteRolePolicy", "PutUserPolicy", "DeleteUserPolicy"] },
  attributes: ["Id"],
  replaceOn: [],
  create(props, pc) {
    put(pc, props);
    // AWS's ids of inline policies: five letters of the stack, five of the logical id, 13 random.
    const id = `${pc.stackName.slice(0, 5)}-${pc.logicalId.slice(0, 5)}-${pc.generatedName(64, { upper: true }).split("-").pop()}`;
    return { physicalId: id, attributes: { Id: id } };
  },
  update(props, old, pc) {
    remove(pc, old.properties ?? {}, props);
    put(pc, props);
    return { physicalId: old.physicalId!, attributes: old.attributes };
  },
  delete(record, pc) {
    remove(pc, record.properties ?? {});
  },
};
