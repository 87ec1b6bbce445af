// Who is calling STS, in the forms IAM and STS name principals.
import type { RequestContext } from "../../../protocol/context.js";

export const rootArn = (accountId: string): string => `arn:aws:iam::${accountId}:root`;

/** The caller's ARN as STS's error messages name it ("User: <arn> is not authorized…"). */
export function callerArn(request: RequestContext): string {
  return request.principal?.arn ?? rootArn(request.accountId);
}

/** `arn:aws:sts::<acct>:assumed-role/<role>/<session>` → the role's ARN (`arn:aws:iam::<acct>:role/<role>`), for trust and chaining. */
export function roleOfSessionArn(arn: string): string | undefined {
  const m = /^arn:aws:sts::(\d{12}):assumed-role\/([^/]+)\/[^/]+$/.exec(arn);
  return m ? `arn:aws:iam::${m[1]}:role/${m[2]}` : undefined;
}

/** The ARNs a trust policy may name to admit this caller: its own, and a session's role. */
export function trustPrincipals(request: RequestContext): string[] {
  const arn = callerArn(request);
  const role = roleOfSessionArn(arn);
  return role ? [arn, role] : [arn];
}

/** The account and name of a role ARN (`arn:aws:iam::<acct>:role/<path/>name`). */
export function parseRoleArn(arn: string): { accountId: string; roleName: string } | undefined {
  const m = /^arn:aws:iam::(\d{12}):role\/(?:[\x21-\x7e]*\/)?([\w+=,.@-]+)$/.exec(arn);
  return m ? { accountId: m[1], roleName: m[2] } : undefined;
}
