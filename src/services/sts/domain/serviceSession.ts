// Sessions an AWS service starts on a role for a resource of its own, as ECS does for a task's task
// role and execution role: the role's trust policy must name the service (`Principal.Service`), the
// session is named after the resource (the task id), and it lasts as long as the service says, not
// the role's MaxSessionDuration. The credentials are ordinary STS sessions: a request signed with
// them acts as `assumed-role/<role>/<session name>` in the role's account.
import type { StsBackend } from "../context.js";
import { parseRoleArn } from "./callers.js";
import { issue, type Session } from "./sessions.js";
import { trusts } from "./trust.js";

export interface ServiceSessionRequest {
  /** `ecs-tasks.amazonaws.com` */
  service: string;
  roleArn: string;
  sessionName: string;
  durationSeconds: number;
}

/** The new session, or undefined when the role does not exist or its trust policy does not admit the service. */
export function startServiceSession(backend: StsBackend, r: ServiceSessionRequest): Session | undefined {
  const target = parseRoleArn(r.roleArn);
  const role = target && backend.peers.iam.role(target.accountId, r.roleArn);
  if (!target || !role) return undefined;
  if (!trusts(role.assumeRolePolicyDocument, { action: "sts:AssumeRole", service: r.service, context: { "sts:RoleSessionName": r.sessionName } })) return undefined;
  const arn = `arn:aws:sts::${target.accountId}:assumed-role/${role.roleName}/${r.sessionName}`;
  const session: Session = {
    ...issue(backend.ids, backend.timeline.now(), r.durationSeconds),
    accountId: target.accountId,
    principal: { arn, userId: `${role.roleId}:${r.sessionName}` },
    roleArn: role.arn,
    kind: "role",
  };
  backend.sessions.set(session.accessKeyId, session);
  return session;
}
