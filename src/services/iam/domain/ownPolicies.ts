// The account's own managed policies, for the operations that change one: AWS's own are refused.
import type { IamContext, PolicyRecord } from "../context.js";
import { rootArn } from "./arns.js";
import { accessDenied } from "./errors.js";
import { findPolicy } from "./policies.js";

/** The account's managed policy an ARN names; AccessDenied for one of AWS's, which no account may change. */
export function ownPolicy(ctx: IamContext, arn: string, action: string): PolicyRecord {
  const p = findPolicy(ctx.state, arn);
  if (p.kind === "aws") throw accessDenied(ctx.request.principal?.arn ?? rootArn(ctx.state.accountId), action, `policy ${arn}`);
  return p.record;
}
