// AWS::IAM::ManagedPolicy: Ref is the ARN. A new document becomes the default version; attachments
// follow Roles and Users. ManagedPolicyName, Path and Description replace.
import { withStackTags, type ProviderContext, type ResourceProvider } from "./provider.js";
import { policyText } from "./iamDocuments.js";

function attach(pc: ProviderContext, arn: string, before: Record<string, any>, after: Record<string, any>): void {
  for (const [kind, key, list] of [["Role", "RoleName", "Roles"], ["User", "UserName", "Users"]] as const) {
    const was: string[] = before[list] ?? [];
    const now: string[] = after[list] ?? [];
    for (const n of was) if (!now.includes(n)) pc.call("iam", `Detach${kind}Policy`, { [key]: n, PolicyArn: arn });
    for (const n of now) if (!was.includes(n)) pc.call("iam", `Attach${kind}Policy`, { [key]: n, PolicyArn: arn });
  }
}

export const provider: ResourceProvider = {
  type: "AWS::IAM::ManagedPolicy",
  operations: { iam: ["CreatePolicy", "DeletePolicy", "CreatePolicyVersion", "DeletePolicyVersion", "ListPolicyVersions", "AttachRolePolicy", "DetachRolePolicy", "AttachUserPolicy", "DetachUserPolicy"] },
  attributes: ["PolicyArn", "PolicyId", "DefaultVersionId", "AttachmentCount", "IsAttachable", "CreateDate", "UpdateDate"],
  replaceOn: ["ManagedPolicyName", "Path", "Description"],
  nameProperty: "ManagedPolicyName",
  create(props, pc) {
    const tags = withStackTags(props.Tags, pc);
    const p = pc.call("iam", "CreatePolicy", {
      PolicyName: props.ManagedPolicyName ?? pc.generatedName(128, { upper: true }),
      PolicyDocument: policyText(props.PolicyDocument),
      ...(props.Path !== undefined ? { Path: props.Path } : {}),
      ...(props.Description !== undefined ? { Description: props.Description } : {}),
      ...(tags.length ? { Tags: tags } : {}),
    }).Policy;
    attach(pc, p.Arn, {}, props);
    return { physicalId: p.Arn, attributes: { PolicyArn: p.Arn, PolicyId: p.PolicyId, DefaultVersionId: p.DefaultVersionId, IsAttachable: true } };
  },
  update(props, old, pc) {
    const arn = old.physicalId!;
    const before = old.properties ?? {};
    let version = old.attributes.DefaultVersionId;
    if (policyText(props.PolicyDocument) !== policyText(before.PolicyDocument)) {
      // IAM keeps at most five versions: the oldest one that is not the default makes room.
      const versions = pc.call("iam", "ListPolicyVersions", { PolicyArn: arn }).Versions ?? [];
      if (versions.length >= 5) {
        const oldest = versions.filter((v: { IsDefaultVersion: boolean }) => !v.IsDefaultVersion).at(-1);
        if (oldest) pc.call("iam", "DeletePolicyVersion", { PolicyArn: arn, VersionId: oldest.VersionId });
      }
      version = pc.call("iam", "CreatePolicyVersion", { PolicyArn: arn, PolicyDocument: policyText(props.PolicyDocument), SetAsDefault: true }).PolicyVersion.VersionId;
    }
    attach(pc, arn, before, props);
    return { physicalId: arn, attributes: { ...old.attributes, DefaultVersionId: version } };
  },
  delete(record, pc) {
    const arn = record.physicalId!;
    attach(pc, arn, record.properties ?? {}, {});
    for (const v of pc.call("iam", "ListPolicyVersions", { PolicyArn: arn }).Versions ?? []) {
      if (!v.IsDefaultVersion) pc.call("iam", "DeletePolicyVersion", { PolicyArn: arn, VersionId: v.VersionId });
    }
    pc.call("iam", "DeletePolicy", { PolicyArn: arn });
  },
};
