import type { Handler } from "../context.js";
import { findGroup, newStream } from "../domain/groups.js";

export const createLogStream: Handler<"CreateLogStream"> = (input, ctx) => {
  newStream(ctx.state, findGroup(ctx.state, input.logGroupName), input.logStreamName, ctx.now());
  return {};
};
