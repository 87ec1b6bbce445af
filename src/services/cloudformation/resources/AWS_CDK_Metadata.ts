// AWS::CDK::Metadata: what the CDK adds to every stack (its version and constructs, for AWS's usage
// statistics). CloudFormation accepts it and makes nothing; its physical id is a UUID.
import type { ResourceProvider } from "./provider.js";

export const provider: ResourceProvider = {
  type: "AWS::CDK::Metadata",
  operations: {},
  attributes: [],
  replaceOn: [],
  create: (_props, pc) => ({ physicalId: pc.uuid(), attributes: {} }),
  update: (_props, old) => ({ physicalId: old.physicalId!, attributes: {} }),
  delete: () => undefined,
};
