// AWS::IAM::Role with its inline and managed policies: Ref is the role name; RoleName and Path replace.
import { withStackTags, type ProviderContext, type ResourceProvider } from "./provider.js";
import { policyText, retagIam, syncInlinePolicies, syncManagedPolicies } from "./iamDocuments.js";
import type { ResourceRecord } from "../context.js";

function boundary(pc: ProviderContext, name: string, before: unknown, after: unknown): void {
  if (before === after) return;
  if (after === undefined) pc.call("iam", "DeleteRolePermissionsBoundary", { RoleName: name });
  else pc.call("iam", "PutRolePermissionsBoundary", { RoleName: name, PermissionsBoundary: after });
}

export const provider: ResourceProvider = {
  type: "AWS::IAM::Role",
  operations: {
    iam: ["CreateRole", "DeleteRole", "GetRole", "UpdateRole", "UpdateAssumeRolePolicy", "PutRolePolicy", "DeleteRolePolicy", "AttachRolePolicy", "DetachRolePolicy", "PutRolePermissionsBoundary", "DeleteRolePermissionsBoundary", "TagRole", "UntagRole", "ListRolePolicies", "ListAttachedRolePolicies"],
  },
  attributes: ["Arn", "RoleId"],
  replaceOn: ["RoleName", "Path"],
  taggable: true,
  nameProperty: "RoleName",
  create(props, pc) {
    const name = props.RoleName ?? pc.generatedName(64, { upper: true });
    const tags = withStackTags(props.Tags, pc);
    const role = pc.call("iam", "CreateRole", {
      RoleName: name,
      AssumeRolePolicyDocument: policyText(props.AssumeRolePolicyDocument),
      ...(props.Path !== undefined ? { Path: props.Path } : {}),
      ...(props.Description !== undefined ? { Description: props.Description } : {}),
      ...(props.MaxSessionDuration !== undefined ? { MaxSessionDuration: Number(props.MaxSessionDuration) } : {}),
      ...(props.PermissionsBoundary !== undefined ? { PermissionsBoundary: props.PermissionsBoundary } : {}),
      ...(tags.length ? { Tags: tags } : {}),
    }).Role;
    syncInlinePolicies(pc, "Role", name, [], props.Policies);
    syncManagedPolicies(pc, "Role", name, [], props.ManagedPolicyArns);
    return { physicalId: name, attributes: { Arn: role.Arn, RoleId: role.RoleId } };
  },
  update(props, old: ResourceRecord, pc) {
    const name = old.physicalId!;
    const before = old.properties ?? {};
    if (policyText(props.AssumeRolePolicyDocument) !== policyText(before.AssumeRolePolicyDocument)) {
      pc.call("iam", "UpdateAssumeRolePolicy", { RoleName: name, PolicyDocument: policyText(props.AssumeRolePolicyDocument) });
    }
    if (props.Description !== before.Description || String(props.MaxSessionDuration) !== String(before.MaxSessionDuration)) {
      pc.call("iam", "UpdateRole", { RoleName: name, Description: props.Description ?? "", ...(props.MaxSessionDuration !== undefined ? { MaxSessionDuration: Number(props.MaxSessionDuration) } : {}) });
    }
    boundary(pc, name, before.PermissionsBoundary, props.PermissionsBoundary);
    syncInlinePolicies(pc, "Role", name, before.Policies as never, props.Policies);
    syncManagedPolicies(pc, "Role", name, before.ManagedPolicyArns as never, props.ManagedPolicyArns);
    retagIam(pc, "Role", "RoleName", name, withStackTags(before.Tags as never, pc, "previous"), withStackTags(props.Tags, pc));
    return { physicalId: name, attributes: old.attributes };
  },
  delete(record, pc) {
    const name = record.physicalId!;
    // IAM refuses to delete a role that still has policies: CloudFormation removes them first.
    for (const p of pc.call("iam", "ListRolePolicies", { RoleName: name }).PolicyNames ?? []) pc.call("iam", "DeleteRolePolicy", { RoleName: name, PolicyName: p });
    for (const p of pc.call("iam", "ListAttachedRolePolicies", { RoleName: name }).AttachedPolicies ?? []) pc.call("iam", "DetachRolePolicy", { RoleName: name, PolicyArn: p.PolicyArn });
    pc.call("iam", "DeleteRole", { RoleName: name });
  },
};
