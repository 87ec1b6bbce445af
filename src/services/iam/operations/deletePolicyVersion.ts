import type { Handler } from "../context.js";
import { DeleteConflictException } from "../generated/errors.js";
import { notFound } from "../domain/errors.js";
import { ownPolicy } from "../domain/ownPolicies.js";

export const deletePolicyVersion: Handler<"DeletePolicyVersion"> = (input, ctx) => {
  const policy = ownPolicy(ctx, input.PolicyArn, "DeletePolicyVersion");
  const i = policy.versions.findIndex((v) => v.id === input.VersionId);
  if (i < 0) throw notFound.version(input.PolicyArn, input.VersionId);
  if (input.VersionId === policy.defaultVersion) throw new DeleteConflictException("Cannot delete the default version of a policy.");
  policy.versions.splice(i, 1);
  return {};
};
