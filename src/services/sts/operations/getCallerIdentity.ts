import type { Handler } from "../context.js";

/**
 * The caller is the account's root user, the account being the one the access key names (as for
 * every service here): root's ARN is `arn:aws:iam::<account>:root` and its user id the account id.
 */
export const getCallerIdentity: Handler<"GetCallerIdentity"> = (_input, ctx) => {
  const account = ctx.request.accountId;
  return { UserId: account, Account: account, Arn: `arn:aws:iam::${account}:root` };
};
