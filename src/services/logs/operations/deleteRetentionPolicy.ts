import type { Handler } from "../context.js";
import { findGroup } from "../domain/groups.js";

export const deleteRetentionPolicy: Handler<"DeleteRetentionPolicy"> = (input, ctx) => {
  const g = findGroup(ctx.state, input.logGroupName);
  delete g.group.retentionInDays;
  ctx.retain(g);
  return {};
};
