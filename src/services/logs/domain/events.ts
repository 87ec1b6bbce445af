// Log events: storing a batch as PutLogEvents does, reading a stream forwards and backwards with
// GetLogEvents' tokens, and the text filter patterns FilterLogEvents understands.
import { InvalidParameterException } from "../generated/errors.js";
import type { InputLogEvent, RejectedLogEventsInfo } from "../generated/types.js";
import { compileJsonPattern, compileSpaceDelimited } from "./filterPattern.js";
import type { GroupRecord, LogsState, StoredEvent, StreamRecord } from "../store.js";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Each event costs its UTF-8 size plus 26 bytes, as CloudWatch Logs counts a batch. */
export const EVENT_OVERHEAD = 26;

export interface Accepted {
  rejected?: RejectedLogEventsInfo;
}

/**
 * Stores a batch: it must be in time order and span at most 24 hours; events more than 2 hours
 * ahead, older than 14 days or older than the group's retention are left out and reported.
 */
export function putEvents(state: LogsState, g: GroupRecord, s: StreamRecord, events: InputLogEvent[], now: number): Accepted {
  for (let i = 1; i < events.length; i++) {
    if (events[i].timestamp < events[i - 1].timestamp) throw new InvalidParameterException("Log events in a single PutLogEvents request must be in chronological order.");
  }
  if (events.length && events[events.length - 1].timestamp - events[0].timestamp > DAY) {
    throw new InvalidParameterException("The batch of log events in a single PutLogEvents request cannot span more than 24 hours.");
  }
  const rejected: RejectedLogEventsInfo = {};
  const retention = g.group.retentionInDays;
  events.forEach((e, i) => {
    if (e.timestamp > now + 2 * HOUR) rejected.tooNewLogEventStartIndex ??= i;
    else if (e.timestamp < now - 14 * DAY) rejected.tooOldLogEventEndIndex = i;
    else if (retention !== undefined && e.timestamp < now - retention * DAY) rejected.expiredLogEventEndIndex = i;
  });
  const accepted = events.filter((e, i) => {
    if (rejected.tooNewLogEventStartIndex !== undefined && i >= rejected.tooNewLogEventStartIndex) return false;
    return i > Math.max(rejected.tooOldLogEventEndIndex ?? -1, rejected.expiredLogEventEndIndex ?? -1);
  });
  if (accepted.length) append(state, g, s, accepted, now);
  return Object.keys(rejected).length ? { rejected } : {};
}

/** Adds events (already in time order) to a stream, keeping it sorted by timestamp. */
export function append(state: LogsState, g: GroupRecord, s: StreamRecord, events: { timestamp: number; message: string }[], now: number): void {
  let bytes = 0;
  for (const e of events) {
    const stored: StoredEvent = { timestamp: e.timestamp, message: e.message, ingestionTime: now, seq: state.seq++ };
    const list = s.events;
    let i = list.length;
    while (i > 0 && list[i - 1].timestamp > e.timestamp) i--;
    list.splice(i, 0, stored);
    bytes += Buffer.byteLength(e.message, "utf8") + EVENT_OVERHEAD;
  }
  const st = s.stream;
  st.firstEventTimestamp = s.events[0].timestamp;
  st.lastEventTimestamp = s.events[s.events.length - 1].timestamp;
  st.lastIngestionTime = now;
  st.uploadSequenceToken = sequenceToken(state.seq);
  st.storedBytes = (st.storedBytes ?? 0) + bytes;
  g.group.storedBytes = (g.group.storedBytes ?? 0) + bytes;
}

export function sequenceToken(n: number): string {
  return String(n).padStart(56, "4");
}

/** GetLogEvents' tokens: a direction and a position in the stream, in CloudWatch Logs' `f/…/s` form. */
export function streamToken(direction: "f" | "b", position: number): string {
  return `${direction}/${String(position).padStart(56, "0")}/s`;
}

export function parseStreamToken(token: string): { direction: "f" | "b"; position: number } {
  const m = /^([fb])\/(\d{1,56})(?:\/s)?$/.exec(token);
  if (!m) throw new InvalidParameterException("The specified nextToken is invalid.");
  return { direction: m[1] as "f" | "b", position: Number(m[2]) };
}

/**
 * A filter pattern over unstructured text: terms that must all appear (case-sensitive), quoted
 * phrases, `?term` alternatives (any one suffices) and `-term` exclusions; JSON (`{ $.x = 1 }`) and
 * space-delimited (`[a, b]`) patterns are compiled in filterPattern.ts.
 */
export function compilePattern(pattern: string | undefined): (message: string) => boolean {
  const text = (pattern ?? "").trim();
  if (text === "") return () => true;
  if (text.startsWith("{")) return compileJsonPattern(text);
  if (text.startsWith("[")) return compileSpaceDelimited(text);
  const terms = [...text.matchAll(/([?-]?)(?:"((?:[^"\\]|\\.)*)"|(\S+))/g)].map((m) => ({ op: m[1], word: m[2] !== undefined ? m[2].replace(/\\(.)/g, "$1") : m[3] }));
  const all = terms.filter((t) => t.op === "").map((t) => t.word);
  const any = terms.filter((t) => t.op === "?").map((t) => t.word);
  const none = terms.filter((t) => t.op === "-").map((t) => t.word);
  return (m) => all.every((w) => m.includes(w)) && (any.length === 0 || any.some((w) => m.includes(w))) && !none.some((w) => m.includes(w));
}

/** FilterLogEvents' event id: unique and ordered like the events, 56 digits as AWS shows them. */
export function eventId(e: StoredEvent): string {
  return `${String(e.timestamp).padStart(20, "0")}${String(e.seq).padStart(36, "0")}`;
}
