import type { Handler } from "../context.js";
import { LimitExceededException } from "../generated/errors.js";
import { documentSize } from "../domain/documents.js";
import { nowSeconds } from "../domain/entities.js";
import { ownPolicy } from "../domain/ownPolicies.js";
import { POLICY_SIZE, VERSIONS_PER_POLICY, versionView } from "../domain/policies.js";
import { checkPolicyDocument } from "../domain/policyDocument.js";

/** Version ids go on from the highest ever given (a deleted one's id is not given again). */
export const createPolicyVersion: Handler<"CreatePolicyVersion"> = (input, ctx) => {
  const policy = ownPolicy(ctx, input.PolicyArn, "CreatePolicyVersion");
  checkPolicyDocument(input.PolicyDocument, "managed");
  if (documentSize(input.PolicyDocument) > POLICY_SIZE) throw new LimitExceededException(`Cannot exceed quota for PolicySize: ${POLICY_SIZE}`);
  if (policy.versions.length >= VERSIONS_PER_POLICY) {
    throw new LimitExceededException(`A managed policy can have up to ${VERSIONS_PER_POLICY} versions. Before you create a new version, you must delete an existing version.`);
  }
  const version = { id: `v${policy.nextVersion++}`, document: input.PolicyDocument, createDate: nowSeconds(ctx) };
  policy.versions.push(version);
  policy.updateDate = version.createDate;
  if (input.SetAsDefault) policy.defaultVersion = version.id;
  return { PolicyVersion: versionView({ ...version, isDefault: version.id === policy.defaultVersion, document: () => version.document }, false) };
};
