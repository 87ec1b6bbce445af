// Retention: an event older than its group's retention is deleted when the clock passes that age,
// and stops counting in storedBytes. CloudWatch Logs marks such events for deletion at that moment
// (deleting them within about 72 hours); here they go at once, which is what a reader can observe.
import type { GroupRecord } from "../store.js";
import { EVENT_OVERHEAD } from "./events.js";

export const DAY = 24 * 3_600_000;

/** Deletes the group's events older than its retention at `now`; answers how many went. */
export function expire(g: GroupRecord, now: number): number {
  const days = g.group.retentionInDays;
  if (days === undefined) return 0;
  const cutoff = now - days * DAY;
  let removed = 0;
  for (const s of g.streams.values()) {
    let n = 0;
    let bytes = 0;
    // Events are sorted by timestamp: the expired ones are a prefix.
    while (n < s.events.length && s.events[n].timestamp < cutoff) bytes += Buffer.byteLength(s.events[n++].message, "utf8") + EVENT_OVERHEAD;
    if (n === 0) continue;
    s.events.splice(0, n);
    removed += n;
    s.stream.storedBytes = Math.max(0, (s.stream.storedBytes ?? 0) - bytes);
    g.group.storedBytes = Math.max(0, (g.group.storedBytes ?? 0) - bytes);
    if (s.events.length) s.stream.firstEventTimestamp = s.events[0].timestamp;
  }
  return removed;
}

/** When the group's oldest event passes its retention (ms on the clock), or undefined when none will. */
export function nextExpiry(g: GroupRecord): number | undefined {
  const days = g.group.retentionInDays;
  if (days === undefined) return undefined;
  let oldest = Infinity;
  for (const s of g.streams.values()) if (s.events.length && s.events[0].timestamp < oldest) oldest = s.events[0].timestamp;
  return oldest === Infinity ? undefined : oldest + days * DAY + 1;
}
