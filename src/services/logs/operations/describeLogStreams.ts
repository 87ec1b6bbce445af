import type { Handler } from "../context.js";
import { findGroup } from "../domain/groups.js";
import { page } from "../domain/pagination.js";
import { InvalidParameterException } from "../generated/errors.js";

export const describeLogStreams: Handler<"DescribeLogStreams"> = (input, ctx) => {
  const g = findGroup(ctx.state, input.logGroupName, input.logGroupIdentifier);
  const byTime = input.orderBy === "LastEventTime";
  if (byTime && input.logStreamNamePrefix !== undefined) throw new InvalidParameterException("Cannot order by LastEventTime with a logStreamNamePrefix.");
  const streams = [...g.streams.values()]
    .map((s) => s.stream)
    .filter((s) => input.logStreamNamePrefix === undefined || s.logStreamName!.startsWith(input.logStreamNamePrefix));
  // Streams without events sort first by time, as if their last event were at the epoch.
  const key = (s: (typeof streams)[number]): number | string => (byTime ? (s.lastEventTimestamp ?? 0) : s.logStreamName!);
  streams.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  if (input.descending) streams.reverse();
  const p = page(streams, input.nextToken, input.limit ?? 50);
  return { logStreams: p.items, ...(p.nextToken ? { nextToken: p.nextToken } : {}) };
};
