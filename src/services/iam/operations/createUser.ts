import type { Handler, UserRecord } from "../context.js";
import { EntityAlreadyExistsException } from "../generated/errors.js";
import { userArn } from "../domain/arns.js";
import { keyOf, nextSeq, nowSeconds } from "../domain/entities.js";
import { uniqueId } from "../domain/ids.js";
import { setBoundary } from "../domain/policyHolders.js";
import { checkNewTags } from "../domain/tags.js";
import { userView } from "../domain/users.js";

export const createUser: Handler<"CreateUser"> = (input, ctx) => {
  const { state } = ctx;
  checkNewTags(input.Tags);
  const key = keyOf(input.UserName);
  if (state.users.has(key)) throw new EntityAlreadyExistsException(`User with name ${input.UserName} already exists.`);
  const path = input.Path ?? "/";
  const user: UserRecord = {
    seq: 0,
    name: input.UserName,
    path,
    id: uniqueId(ctx.backend.ids, "AIDA"),
    arn: userArn(state.accountId, path, input.UserName),
    createDate: nowSeconds(ctx),
    tags: (input.Tags ?? []).map((t) => ({ ...t })),
    inline: new Map(),
    attached: [],
    keys: [],
  };
  if (input.PermissionsBoundary !== undefined) setBoundary(state, user, input.PermissionsBoundary);
  user.seq = nextSeq(state);
  state.users.set(key, user);
  return { User: userView(user, "get") };
};
