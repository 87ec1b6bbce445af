import type { Handler } from "../context.js";
import { rootArn } from "../domain/arns.js";
import { accessDenied } from "../domain/errors.js";

/**
 * ecs-local does not record where keys are used: every key answers as one never used ("N/A"). A key
 * the account did not issue is not the caller's to ask about.
 */
export const getAccessKeyLastUsed: Handler<"GetAccessKeyLastUsed"> = (input, ctx) => {
  const owner = ctx.backend.keys.get(input.AccessKeyId);
  const user = owner && owner.accountId === ctx.state.accountId ? ctx.state.users.get(owner.user) : undefined;
  if (!user) throw accessDenied(ctx.request.principal?.arn ?? rootArn(ctx.state.accountId), "GetAccessKeyLastUsed", `access key ${input.AccessKeyId}`);
  return { UserName: user.name, AccessKeyLastUsed: { ServiceName: "N/A", Region: "N/A" } };
};
