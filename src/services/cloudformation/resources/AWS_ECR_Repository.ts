// AWS::ECR::Repository: Ref is the repository's name (generated, lowercase, when not given); tag
// mutability, scanning, the lifecycle policy, the repository policy and tags update in place; the
// name and encryption replace. GetAtt Arn and RepositoryUri.
import { withStackTags, type ProviderContext, type ResourceProvider } from "./provider.js";

type Json = Record<string, any>;
const text = (doc: unknown): string => (typeof doc === "string" ? doc : JSON.stringify(doc));
const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

function policies(name: string, props: Json, old: Json, pc: ProviderContext, created: boolean): void {
  const lifecycle = props.LifecyclePolicy?.LifecyclePolicyText;
  if (created || !same(lifecycle, old.LifecyclePolicy?.LifecyclePolicyText)) {
    if (lifecycle !== undefined) pc.call("ecr", "PutLifecyclePolicy", { repositoryName: name, lifecyclePolicyText: text(lifecycle) });
    else if (!created) pc.call("ecr", "DeleteLifecyclePolicy", { repositoryName: name });
  }
  if (created || !same(props.RepositoryPolicyText, old.RepositoryPolicyText)) {
    if (props.RepositoryPolicyText !== undefined) pc.call("ecr", "SetRepositoryPolicy", { repositoryName: name, policyText: text(props.RepositoryPolicyText) });
    else if (!created) pc.call("ecr", "DeleteRepositoryPolicy", { repositoryName: name });
  }
}

const scanOnPush = (props: Json): boolean => props.ImageScanningConfiguration?.ScanOnPush === true || props.ImageScanningConfiguration?.ScanOnPush === "true";

export const provider: ResourceProvider = {
  type: "AWS::ECR::Repository",
  operations: {
    ecr: [
      "CreateRepository", "DeleteRepository", "PutLifecyclePolicy", "DeleteLifecyclePolicy", "SetRepositoryPolicy", "DeleteRepositoryPolicy",
      "PutImageTagMutability", "PutImageScanningConfiguration", "TagResource", "UntagResource",
    ],
  },
  attributes: ["Arn", "RepositoryUri"],
  replaceOn: ["RepositoryName", "EncryptionConfiguration"],
  taggable: true,
  nameProperty: "RepositoryName",
  create(props, pc) {
    const name: string = props.RepositoryName ?? pc.generatedName(256).toLowerCase();
    const tags = withStackTags(props.Tags, pc);
    const made = pc.call("ecr", "CreateRepository", {
      repositoryName: name,
      ...(props.ImageTagMutability !== undefined ? { imageTagMutability: props.ImageTagMutability } : {}),
      ...(props.ImageScanningConfiguration !== undefined ? { imageScanningConfiguration: { scanOnPush: scanOnPush(props) } } : {}),
      ...(props.EncryptionConfiguration !== undefined
        ? { encryptionConfiguration: { encryptionType: props.EncryptionConfiguration.EncryptionType, ...(props.EncryptionConfiguration.KmsKey ? { kmsKey: props.EncryptionConfiguration.KmsKey } : {}) } }
        : {}),
      ...(tags.length ? { tags } : {}),
    }).repository;
    policies(name, props, {}, pc, true);
    return { physicalId: name, attributes: { Arn: made.repositoryArn, RepositoryUri: made.repositoryUri } };
  },
  update(props, old, pc) {
    const name = old.physicalId!;
    const before = old.properties ?? {};
    if ((props.ImageTagMutability ?? "MUTABLE") !== (before.ImageTagMutability ?? "MUTABLE")) pc.call("ecr", "PutImageTagMutability", { repositoryName: name, imageTagMutability: props.ImageTagMutability ?? "MUTABLE" });
    if (scanOnPush(props) !== scanOnPush(before)) pc.call("ecr", "PutImageScanningConfiguration", { repositoryName: name, imageScanningConfiguration: { scanOnPush: scanOnPush(props) } });
    policies(name, props, before, pc, false);
    const arn = String(old.attributes?.Arn);
    const was = withStackTags(before.Tags as never, pc, "previous");
    const now = withStackTags(props.Tags, pc);
    const gone = was.filter((t) => !now.some((n) => n.Key === t.Key)).map((t) => t.Key);
    if (gone.length) pc.call("ecr", "UntagResource", { resourceArn: arn, tagKeys: gone });
    if (now.length) pc.call("ecr", "TagResource", { resourceArn: arn, tags: now });
    return { physicalId: name, attributes: old.attributes };
  },
  delete(record, pc) {
    pc.call("ecr", "DeleteRepository", { repositoryName: record.physicalId!, ...(record.properties?.EmptyOnDelete ? { force: true } : {}) });
  },
};
