import type { Handler } from "../context.js";
import { compilePattern, eventId } from "../domain/events.js";
import { findGroup } from "../domain/groups.js";
import { page } from "../domain/pagination.js";
import { InvalidParameterException } from "../generated/errors.js";
import type { FilteredLogEvent } from "../generated/types.js";

/** Events of a group's streams that match the pattern, in time order across streams (interleaved, as AWS now always answers). */
export const filterLogEvents: Handler<"FilterLogEvents"> = (input, ctx) => {
  const g = findGroup(ctx.state, input.logGroupName, input.logGroupIdentifier);
  if (input.logStreamNames !== undefined && input.logStreamNamePrefix !== undefined) {
    throw new InvalidParameterException("logStreamNames and logStreamNamePrefix are mutually exclusive parameters.");
  }
  const matches = compilePattern(input.filterPattern);
  const names = input.logStreamNames ? new Set(input.logStreamNames) : undefined;
  const from = input.startTime ?? -Infinity;
  const to = input.endTime ?? Infinity;
  const found: { e: FilteredLogEvent; seq: number }[] = [];
  for (const [name, s] of g.streams) {
    if (names && !names.has(name)) continue;
    if (input.logStreamNamePrefix !== undefined && !name.startsWith(input.logStreamNamePrefix)) continue;
    for (const e of s.events) {
      if (e.timestamp < from || e.timestamp > to || !matches(e.message)) continue;
      found.push({ e: { logStreamName: name, timestamp: e.timestamp, message: e.message, ingestionTime: e.ingestionTime, eventId: eventId(e) }, seq: e.seq });
    }
  }
  found.sort((a, b) => a.e.timestamp! - b.e.timestamp! || a.seq - b.seq);
  const p = page(found, input.nextToken, input.limit ?? 10_000);
  return { events: p.items.map((f) => f.e), searchedLogStreams: [], ...(p.nextToken ? { nextToken: p.nextToken } : {}) };
};
