import { commonErrors } from "../../../protocol/errors.js";
import type { Handler } from "../context.js";
import { parseRoleArn } from "../domain/callers.js";
import { startRoleSession } from "../domain/roleSession.js";
import { credentialsOf } from "../domain/sessions.js";
import { trusts } from "../domain/trust.js";
import { readWebIdentityToken } from "../domain/webIdentity.js";

/**
 * CI's OpenID Connect login (GitHub Actions, GitLab): unsigned, so the role's account is the one its
 * ARN names. The trust policy must name the token's provider as `Federated` principal
 * (`arn:aws:iam::<acct>:oidc-provider/<issuer host>`) and its conditions on the claims must hold.
 */
export const assumeRoleWithWebIdentity: Handler<"AssumeRoleWithWebIdentity"> = (input, ctx) => {
  const claims = readWebIdentityToken(input.WebIdentityToken, ctx.now());
  const denied = (): Error => commonErrors.accessDenied("Not authorized to perform sts:AssumeRoleWithWebIdentity");
  const target = parseRoleArn(input.RoleArn);
  const role = target && ctx.backend.peers.iam.role(target.accountId, input.RoleArn);
  if (!target || !role) throw denied();
  const context: Record<string, string | undefined> = {};
  for (const [claim, value] of Object.entries(claims.strings)) context[`${claims.provider}:${claim}`] = value;
  // A token for several audiences is admitted if a condition names any of them.
  const audiences = claims.aud.length ? claims.aud : [undefined];
  const admitted = audiences.some((aud) =>
    trusts(role.assumeRolePolicyDocument, {
      action: "sts:AssumeRoleWithWebIdentity",
      federated: `arn:aws:iam::${target.accountId}:oidc-provider/${claims.provider}`,
      context: { ...context, [`${claims.provider}:aud`]: aud },
    }),
  );
  if (!admitted) throw denied();
  const { session, user } = startRoleSession(ctx, {
    role,
    roleAccount: target.accountId,
    sessionName: input.RoleSessionName,
    durationSeconds: input.DurationSeconds,
    chained: false,
    policy: input.Policy,
  });
  return {
    Credentials: credentialsOf(session),
    SubjectFromWebIdentityToken: claims.sub,
    AssumedRoleUser: user,
    Provider: claims.iss,
    ...(claims.aud.length ? { Audience: claims.aud[0] } : {}),
  };
};
