import type { Handler } from "../context.js";
import { findGroup, findStream } from "../domain/groups.js";

export const deleteLogStream: Handler<"DeleteLogStream"> = (input, ctx) => {
  const g = findGroup(ctx.state, input.logGroupName);
  const s = findStream(g, input.logStreamName);
  g.streams.delete(input.logStreamName);
  g.group.storedBytes = Math.max(0, (g.group.storedBytes ?? 0) - (s.stream.storedBytes ?? 0));
  return {};
};
