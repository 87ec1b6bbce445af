// A role session, as AssumeRole and AssumeRoleWithWebIdentity make it: checked against the role's
// maximum session duration, issued, and kept so that requests signed with it act as the role.
import type { RoleView } from "../../iam/context.js";
import { commonErrors } from "../../../protocol/errors.js";
import type { StsContext } from "../context.js";
import type { AssumedRoleUser } from "../generated/types.js";
import { MalformedPolicyDocumentException } from "../generated/errors.js";
import { issue, type Session } from "./sessions.js";

export interface SessionRequest {
  role: RoleView;
  roleAccount: string;
  sessionName: string;
  durationSeconds?: number;
  /** The caller is itself a role session: AWS then limits the new one to an hour. */
  chained: boolean;
  policy?: string;
}

/** The session's `AssumedRoleUser` and the session kept for the requests it signs. */
export function startRoleSession(ctx: StsContext, r: SessionRequest): { session: Session; user: AssumedRoleUser } {
  const duration = r.durationSeconds ?? 3600;
  if (r.chained && duration > 3600) throw commonErrors.validation("The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.");
  if (duration > r.role.maxSessionDuration) throw commonErrors.validation("The requested DurationSeconds exceeds the MaxSessionDuration set for this role.");
  if (r.policy !== undefined) checkSessionPolicy(r.policy);
  const user: AssumedRoleUser = {
    AssumedRoleId: `${r.role.roleId}:${r.sessionName}`,
    Arn: `arn:aws:sts::${r.roleAccount}:assumed-role/${r.role.roleName}/${r.sessionName}`,
  };
  const session: Session = {
    ...issue(ctx.backend.ids, ctx.backend.timeline.now(), duration),
    accountId: r.roleAccount,
    principal: { arn: user.Arn, userId: user.AssumedRoleId },
    roleArn: r.role.arn,
    kind: "role",
  };
  ctx.backend.sessions.set(session.accessKeyId, session);
  return { session, user };
}

/** A session policy must be a JSON policy document; nothing is enforced by it here. */
function checkSessionPolicy(policy: string): void {
  let parsed: unknown;
  try {
    parsed = JSON.parse(policy);
  } catch {
    throw new MalformedPolicyDocumentException("The policy is not in the valid JSON format.");
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) throw new MalformedPolicyDocumentException("The policy is not in the valid JSON format.");
}

/** A rough share of the packed session policy limit, in percent, as AWS reports it when a policy or tags are passed. */
export function packedPolicySize(policy: string | undefined, policyArns: number, tags: number): number | undefined {
  if (policy === undefined && policyArns === 0 && tags === 0) return undefined;
  const bytes = (policy ?? "").replace(/\s+/g, "").length + policyArns * 64 + tags * 48;
  return Math.max(1, Math.ceil((bytes / 2048) * 100));
}
