import type { Handler } from "../context.js";
import { DeleteConflictException } from "../generated/errors.js";
import { ownPolicy } from "../domain/ownPolicies.js";

/** Refused while attached (or a permissions boundary) and while versions other than the default remain. */
export const deletePolicy: Handler<"DeletePolicy"> = (input, ctx) => {
  const policy = ownPolicy(ctx, input.PolicyArn, "DeletePolicy");
  if (policy.usage.attachments || policy.usage.boundaries) throw new DeleteConflictException("Cannot delete a policy attached to entities.");
  if (policy.versions.length > 1) {
    throw new DeleteConflictException("This policy has more than one version. Before you delete a policy, you must delete the policy's versions. The default version is deleted with the policy.");
  }
  ctx.state.policies.delete(policy.arn);
  return {};
};
