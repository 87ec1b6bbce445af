import type { Handler } from "../context.js";
import { notFound } from "../domain/errors.js";
import { ownPolicy } from "../domain/ownPolicies.js";

export const setDefaultPolicyVersion: Handler<"SetDefaultPolicyVersion"> = (input, ctx) => {
  const policy = ownPolicy(ctx, input.PolicyArn, "SetDefaultPolicyVersion");
  if (!policy.versions.some((v) => v.id === input.VersionId)) throw notFound.version(input.PolicyArn, input.VersionId);
  policy.defaultVersion = input.VersionId;
  return {};
};
