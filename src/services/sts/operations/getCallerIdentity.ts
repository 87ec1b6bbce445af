import type { Handler } from "../context.js";
import { rootArn } from "../domain/callers.js";

/**
 * Who signed: an IAM user or a role session when the key is one ecs-local issued (`AIDA…`,
 * `AROA…:<session>` and their ARNs), else the account's root user — the account being the one a
 * 12-digit key names, or the default, as for every service here: root's ARN is
 * `arn:aws:iam::<account>:root` and its user id the account id.
 */
export const getCallerIdentity: Handler<"GetCallerIdentity"> = (_input, ctx) => {
  const account = ctx.request.accountId;
  const principal = ctx.request.principal;
  if (principal) return { UserId: principal.userId, Account: account, Arn: principal.arn };
  return { UserId: account, Account: account, Arn: rootArn(account) };
};
