import type { Handler } from "../context.js";
import { parseStreamToken, streamToken } from "../domain/events.js";
import { findGroup, findStream } from "../domain/groups.js";

/**
 * Reads a stream from its start (startFromHead) or its end (the default), within [startTime, endTime).
 * The forward token points after the last event answered and the backward one at the first; at the
 * end of the stream the same forward token comes back, which is how readers know to stop.
 */
export const getLogEvents: Handler<"GetLogEvents"> = (input, ctx) => {
  const s = findStream(findGroup(ctx.state, input.logGroupName, input.logGroupIdentifier), input.logStreamName);
  const limit = input.limit ?? 10_000;
  const from = input.startTime ?? -Infinity;
  const to = input.endTime ?? Infinity;
  const window: number[] = [];
  s.events.forEach((e, i) => {
    if (e.timestamp >= from && e.timestamp < to) window.push(i);
  });
  const token = input.nextToken !== undefined ? parseStreamToken(input.nextToken) : undefined;
  let taken: number[];
  if (token?.direction === "f") taken = window.filter((i) => i >= token.position).slice(0, limit);
  else if (token?.direction === "b") taken = window.filter((i) => i < token.position).slice(-limit);
  else taken = input.startFromHead ? window.slice(0, limit) : window.slice(-limit);
  const first = taken.length ? taken[0] : (token?.position ?? (input.startFromHead ? 0 : s.events.length));
  const after = taken.length ? taken[taken.length - 1] + 1 : first;
  return {
    events: taken.map((i) => ({ timestamp: s.events[i].timestamp, message: s.events[i].message, ingestionTime: s.events[i].ingestionTime })),
    nextForwardToken: streamToken("f", after),
    nextBackwardToken: streamToken("b", first),
  };
};
