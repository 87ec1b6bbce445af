import type { Handler } from "../context.js";
import { findGroup } from "../domain/groups.js";
import { OperationAbortedException } from "../generated/errors.js";

export const deleteLogGroup: Handler<"DeleteLogGroup"> = (input, ctx) => {
  const g = findGroup(ctx.state, input.logGroupName);
  if (g.group.deletionProtectionEnabled) throw new OperationAbortedException("Log group deletion is not allowed while deletion protection is enabled.");
  ctx.state.groups.delete(input.logGroupName);
  return {};
};
