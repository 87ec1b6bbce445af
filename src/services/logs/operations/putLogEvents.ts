import type { Handler } from "../context.js";
import { putEvents, sequenceToken } from "../domain/events.js";
import { findGroup, findStream } from "../domain/groups.js";

// Sequence tokens are no longer checked by CloudWatch Logs (every call is accepted); one is still answered.
export const putLogEvents: Handler<"PutLogEvents"> = (input, ctx) => {
  const g = findGroup(ctx.state, input.logGroupName);
  const s = findStream(g, input.logStreamName);
  const { rejected } = putEvents(ctx.state, g, s, input.logEvents, ctx.now());
  ctx.retain(g);
  return { nextSequenceToken: sequenceToken(ctx.state.seq), ...(rejected ? { rejectedLogEventsInfo: rejected } : {}) };
};
