// AWS::CloudFormation::WaitConditionHandle: Ref is the presigned URL a WaitCondition's signals are
// sent to (an S3 URL at AWS); nothing to make or delete.
import type { ResourceProvider } from "./provider.js";

export const provider: ResourceProvider = {
  type: "AWS::CloudFormation::WaitConditionHandle",
  operations: {},
  attributes: [],
  replaceOn: [],
  create(_props, pc) {
    const id = `${pc.stackId}/${pc.uuid()}/${pc.logicalId}`;
    return { physicalId: `https://cloudformation-waitcondition-${pc.region}.s3.amazonaws.com/${encodeURIComponent(id)}`, attributes: {} };
  },
  update: (_props, old) => ({ physicalId: old.physicalId!, attributes: {} }),
  delete: () => undefined,
};
