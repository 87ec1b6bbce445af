import type { Handler } from "../context.js";
import { findGroup } from "../domain/groups.js";

export const deleteRetentionPolicy: Handler<"DeleteRetentionPolicy"> = (input, ctx) => {
  delete findGroup(ctx.state, input.logGroupName).group.retentionInDays;
  return {};
};
