import type { Handler } from "../context.js";
import { newGroup } from "../domain/groups.js";
import { checkTags } from "../domain/tags.js";

export const createLogGroup: Handler<"CreateLogGroup"> = (input, ctx) => {
  checkTags(input.tags ?? {});
  const g = newGroup(ctx.state, input.logGroupName, ctx.now(), input.logGroupClass ?? "STANDARD");
  if (input.kmsKeyId) g.group.kmsKeyId = input.kmsKeyId;
  if (input.deletionProtectionEnabled !== undefined) g.group.deletionProtectionEnabled = input.deletionProtectionEnabled;
  g.tags = { ...input.tags };
  return {};
};
