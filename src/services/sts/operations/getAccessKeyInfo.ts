import { accountFor } from "../../../protocol/context.js";
import type { Handler } from "../context.js";

/** The account an access key belongs to: its owner's when ecs-local issued it, else the account the key names as for any request. */
export const getAccessKeyInfo: Handler<"GetAccessKeyInfo"> = (input, ctx) => {
  const key = input.AccessKeyId;
  return { Account: ctx.backend.sessions.get(key)?.accountId ?? userKeyAccount(ctx.backend.peers.iam.callerOf, key) ?? accountFor(key, ctx.backend.config.accountId) };
};

/** An IAM user's key names its account even while inactive (IAM then refuses it for signing). */
function userKeyAccount(callerOf: (key: string) => { accountId: string } | undefined, key: string): string | undefined {
  try {
    return callerOf(key)?.accountId;
  } catch {
    return undefined;
  }
}
