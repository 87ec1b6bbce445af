import type { Handler, InstanceProfileRecord } from "../context.js";
import { EntityAlreadyExistsException } from "../generated/errors.js";
import { instanceProfileArn } from "../domain/arns.js";
import { keyOf, nextSeq, nowSeconds } from "../domain/entities.js";
import { uniqueId } from "../domain/ids.js";
import { instanceProfileView } from "../domain/instanceProfiles.js";
import { checkNewTags } from "../domain/tags.js";

export const createInstanceProfile: Handler<"CreateInstanceProfile"> = (input, ctx) => {
  const { state } = ctx;
  checkNewTags(input.Tags);
  const key = keyOf(input.InstanceProfileName);
  if (state.instanceProfiles.has(key)) throw new EntityAlreadyExistsException(`Instance Profile ${input.InstanceProfileName} already exists.`);
  const path = input.Path ?? "/";
  const profile: InstanceProfileRecord = {
    seq: nextSeq(state),
    name: input.InstanceProfileName,
    path,
    id: uniqueId(ctx.backend.ids, "AIPA"),
    arn: instanceProfileArn(state.accountId, path, input.InstanceProfileName),
    createDate: nowSeconds(ctx),
    roles: [],
    tags: (input.Tags ?? []).map((t) => ({ ...t })),
  };
  state.instanceProfiles.set(key, profile);
  return { InstanceProfile: instanceProfileView(state, profile, true) };
};
