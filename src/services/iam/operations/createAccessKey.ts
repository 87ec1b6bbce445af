import { commonErrors } from "../../../protocol/errors.js";
import type { Handler } from "../context.js";
import { LimitExceededException } from "../generated/errors.js";
import { keyOf, nowSeconds } from "../domain/entities.js";
import { KEYS_PER_USER } from "../domain/accessKeys.js";
import { accessKeyId, secretAccessKey } from "../domain/ids.js";
import { namedOrCaller } from "../domain/users.js";

/** Active from the start; a request signed with it acts as its user (see callerOf in service.ts). */
export const createAccessKey: Handler<"CreateAccessKey"> = (input, ctx) => {
  const user = namedOrCaller(ctx, input.UserName);
  if (!user) throw commonErrors.unsupported("ecs-local issues access keys to IAM users only: name one (UserName).");
  if (user.keys.length >= KEYS_PER_USER) throw new LimitExceededException(`Cannot exceed quota for AccessKeysPerUser: ${KEYS_PER_USER}`);
  const key = { id: accessKeyId(ctx.backend.ids), secret: secretAccessKey(ctx.backend.ids), status: "Active" as const, createDate: nowSeconds(ctx) };
  user.keys.push(key);
  ctx.backend.keys.set(key.id, { accountId: ctx.state.accountId, user: keyOf(user.name) });
  return { AccessKey: { UserName: user.name, AccessKeyId: key.id, Status: key.status, SecretAccessKey: key.secret, CreateDate: key.createDate } };
};
