// AWS::SecretsManager::Secret: Ref is the secret's ARN. GenerateSecretString draws the value from
// GetRandomPassword (into a JSON template when one is given); description, key, value and tags update
// in place; deleting forces the deletion without a recovery window, as CloudFormation does.
import { toInput } from "./shape.js";
import { withStackTags, type ProviderContext, type ResourceProvider } from "./provider.js";
import type { ResourceRecord } from "../context.js";

function value(props: Record<string, any>, pc: ProviderContext): string | undefined {
  if (props.SecretString !== undefined) return String(props.SecretString);
  const g = props.GenerateSecretString;
  if (!g) return undefined;
  const { SecretStringTemplate, GenerateStringKey, ...options } = g;
  const password = pc.call("secretsmanager", "GetRandomPassword", toInput("secretsmanager", "GetRandomPassword", options)).RandomPassword as string;
  if (SecretStringTemplate === undefined) return password;
  return JSON.stringify({ ...JSON.parse(SecretStringTemplate), [GenerateStringKey]: password });
}

export const provider: ResourceProvider = {
  type: "AWS::SecretsManager::Secret",
  operations: { secretsmanager: ["CreateSecret", "UpdateSecret", "DeleteSecret", "GetRandomPassword", "TagResource", "UntagResource"] },
  attributes: ["Id"],
  replaceOn: ["Name"],
  taggable: true,
  nameProperty: "Name",
  create(props, pc) {
    const name = props.Name ?? `${pc.logicalId}-${pc.generatedName(12).split("-").pop()}`;
    const secret = value(props, pc);
    const tags = withStackTags(props.Tags, pc);
    // The SDKs fill the idempotency token in; a caller of the bare API (as here) gives one.
    const out = pc.call("secretsmanager", "CreateSecret", {
      Name: name,
      ClientRequestToken: pc.uuid(),
      ...(props.Description !== undefined ? { Description: props.Description } : {}),
      ...(props.KmsKeyId !== undefined ? { KmsKeyId: props.KmsKeyId } : {}),
      ...(secret !== undefined ? { SecretString: secret } : {}),
      ...(tags.length ? { Tags: tags } : {}),
    });
    return { physicalId: out.ARN, attributes: { Id: out.ARN } };
  },
  update(props, old: ResourceRecord, pc) {
    const arn = old.physicalId!;
    const before = old.properties ?? {};
    const same = (k: string) => JSON.stringify(props[k]) === JSON.stringify(before[k]);
    const input: Record<string, unknown> = { SecretId: arn };
    if (!same("Description")) input.Description = props.Description ?? "";
    if (!same("KmsKeyId") && props.KmsKeyId !== undefined) input.KmsKeyId = props.KmsKeyId;
    if (!same("SecretString") || !same("GenerateSecretString")) {
      const secret = value(props, pc);
      if (secret !== undefined) Object.assign(input, { SecretString: secret, ClientRequestToken: pc.uuid() });
    }
    if (Object.keys(input).length > 1) pc.call("secretsmanager", "UpdateSecret", input);
    const was = withStackTags(before.Tags as never, pc, "previous");
    const now = withStackTags(props.Tags, pc);
    const gone = was.filter((t) => !now.some((n) => n.Key === t.Key)).map((t) => t.Key);
    if (gone.length) pc.call("secretsmanager", "UntagResource", { SecretId: arn, TagKeys: gone });
    if (now.length && JSON.stringify(now) !== JSON.stringify(was)) pc.call("secretsmanager", "TagResource", { SecretId: arn, Tags: now });
    return { physicalId: arn, attributes: old.attributes };
  },
  delete(record, pc) {
    pc.call("secretsmanager", "DeleteSecret", { SecretId: record.physicalId!, ForceDeleteWithoutRecovery: true });
  },
};
