// AWS::EC2::KeyPair: Ref is the key's name. A key EC2 creates keeps its private key in Parameter
// Store at /ec2/keypair/<key pair id> (a SecureString), as CloudFormation does; an imported one
// (PublicKeyMaterial) has none. Every change replaces it.
import type { ResourceProvider } from "./provider.js";
import { tagSpecifications } from "./ec2Tags.js";

export const provider: ResourceProvider = {
  type: "AWS::EC2::KeyPair",
  operations: { ec2: ["CreateKeyPair", "ImportKeyPair", "DeleteKeyPair"], ssm: ["PutParameter", "DeleteParameter"] },
  attributes: ["KeyFingerprint", "KeyPairId"],
  replaceOn: ["*"],
  nameProperty: "KeyName",
  create(props, pc) {
    const tags = tagSpecifications("key-pair", props.Tags, pc);
    if (props.PublicKeyMaterial !== undefined) {
      const k = pc.call("ec2", "ImportKeyPair", { KeyName: props.KeyName, PublicKeyMaterial: Buffer.from(String(props.PublicKeyMaterial)).toString("base64"), ...tags });
      return { physicalId: k.KeyName, attributes: { KeyFingerprint: k.KeyFingerprint, KeyPairId: k.KeyPairId, Imported: true } };
    }
    const k = pc.call("ec2", "CreateKeyPair", { KeyName: props.KeyName, ...(props.KeyType ? { KeyType: props.KeyType } : {}), ...(props.KeyFormat ? { KeyFormat: props.KeyFormat } : {}), ...tags });
    pc.call("ssm", "PutParameter", { Name: `/ec2/keypair/${k.KeyPairId}`, Type: "SecureString", Value: k.KeyMaterial });
    return { physicalId: k.KeyName, attributes: { KeyFingerprint: k.KeyFingerprint, KeyPairId: k.KeyPairId } };
  },
  delete(record, pc) {
    pc.call("ec2", "DeleteKeyPair", { KeyName: record.physicalId! });
    if (!record.attributes.Imported) pc.call("ssm", "DeleteParameter", { Name: `/ec2/keypair/${record.attributes.KeyPairId}` });
  },
};
