import { commonErrors } from "../../../protocol/errors.js";
import type { Handler } from "../context.js";
import { callerArn, parseRoleArn, trustPrincipals } from "../domain/callers.js";
import { packedPolicySize, startRoleSession } from "../domain/roleSession.js";
import { credentialsOf } from "../domain/sessions.js";
import { trusts } from "../domain/trust.js";

/**
 * The role must exist and its trust policy admit the caller (its account, its ARN, or for a role
 * session its role), else STS answers AccessDenied without saying which: a missing role and an
 * untrusting one look the same from outside, as in AWS.
 */
export const assumeRole: Handler<"AssumeRole"> = (input, ctx) => {
  const denied = (): Error => commonErrors.accessDenied(`User: ${callerArn(ctx.request)} is not authorized to perform: sts:AssumeRole on resource: ${input.RoleArn}`);
  const target = parseRoleArn(input.RoleArn);
  const role = target && ctx.backend.peers.iam.role(target.accountId, input.RoleArn);
  if (!target || !role) throw denied();
  const admitted = trusts(role.assumeRolePolicyDocument, {
    action: "sts:AssumeRole",
    awsPrincipals: trustPrincipals(ctx.request),
    context: { "sts:ExternalId": input.ExternalId, "sts:RoleSessionName": input.RoleSessionName, "sts:SourceIdentity": input.SourceIdentity },
  });
  if (!admitted) throw denied();
  const caller = ctx.request.accessKeyId === undefined ? undefined : ctx.backend.sessions.get(ctx.request.accessKeyId);
  const { session, user } = startRoleSession(ctx, {
    role,
    roleAccount: target.accountId,
    sessionName: input.RoleSessionName,
    durationSeconds: input.DurationSeconds,
    chained: caller?.kind === "role",
    policy: input.Policy,
  });
  const packed = packedPolicySize(input.Policy, input.PolicyArns?.length ?? 0, input.Tags?.length ?? 0);
  return {
    Credentials: credentialsOf(session),
    AssumedRoleUser: user,
    ...(packed !== undefined ? { PackedPolicySize: packed } : {}),
    ...(input.SourceIdentity !== undefined ? { SourceIdentity: input.SourceIdentity } : {}),
  };
};
