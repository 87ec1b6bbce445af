// The CloudWatch Logs state of one account in one region: groups, their streams and events.
import type { LogGroup, LogStream } from "./generated/types.js";

export interface StoredEvent {
  timestamp: number;
  message: string;
  ingestionTime: number;
  /** Unique within the account and region, in the order events arrived. */
  seq: number;
}

export interface StreamRecord {
  stream: LogStream;
  /** Sorted by timestamp; events with the same timestamp keep their arrival order. */
  events: StoredEvent[];
}

export interface GroupRecord {
  group: LogGroup;
  streams: Map<string, StreamRecord>;
  tags: Record<string, string>;
}

export interface LogsState {
  accountId: string;
  region: string;
  groups: Map<string, GroupRecord>;
  /** The next event's sequence number. */
  seq: number;
}

export function createLogsState(accountId: string, region: string): LogsState {
  return { accountId, region, groups: new Map(), seq: 1 };
}
