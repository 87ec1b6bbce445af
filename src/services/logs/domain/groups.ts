// Log groups and streams: ARNs, lookups with CloudWatch Logs' error texts, and their described form.
import { InvalidParameterException, ResourceAlreadyExistsException, ResourceNotFoundException } from "../generated/errors.js";
import type { LogGroup } from "../generated/types.js";
import type { GroupRecord, LogsState, StreamRecord } from "../store.js";

export const GROUP_NOT_FOUND = "The specified log group does not exist.";
export const STREAM_NOT_FOUND = "The specified log stream does not exist.";
export const GROUP_EXISTS = "The specified log group already exists";
export const STREAM_EXISTS = "The specified log stream already exists";

export function groupArn(state: LogsState, name: string): string {
  return `arn:aws:logs:${state.region}:${state.accountId}:log-group:${name}`;
}

export function newGroup(state: LogsState, name: string, now: number, cls: LogGroup["logGroupClass"] = "STANDARD"): GroupRecord {
  if (state.groups.has(name)) throw new ResourceAlreadyExistsException(GROUP_EXISTS);
  const arn = groupArn(state, name);
  const rec: GroupRecord = {
    group: { logGroupName: name, creationTime: now, metricFilterCount: 0, arn: `${arn}:*`, storedBytes: 0, logGroupClass: cls, logGroupArn: arn },
    streams: new Map(),
    tags: {},
  };
  state.groups.set(name, rec);
  return rec;
}

export function newStream(state: LogsState, g: GroupRecord, name: string, now: number): StreamRecord {
  if (g.streams.has(name)) throw new ResourceAlreadyExistsException(STREAM_EXISTS);
  const rec: StreamRecord = { stream: { logStreamName: name, creationTime: now, arn: `${groupArn(state, g.group.logGroupName!)}:log-stream:${name}`, storedBytes: 0 }, events: [] };
  g.streams.set(name, rec);
  return rec;
}

/** The group a request names by `logGroupName` or `logGroupIdentifier` (a name or an ARN of this account and region). */
export function findGroup(state: LogsState, name?: string, identifier?: string): GroupRecord {
  if (name !== undefined && identifier !== undefined) {
    throw new InvalidParameterException("LogGroup name and LogGroup ARN are mutually exclusive parameters.");
  }
  let key = name ?? identifier;
  if (key === undefined) throw new InvalidParameterException("Either logGroupName or logGroupIdentifier must be specified.");
  if (name === undefined && key.startsWith("arn:")) key = groupNameFromArn(state, key) ?? "";
  const g = state.groups.get(key);
  if (!g) throw new ResourceNotFoundException(GROUP_NOT_FOUND);
  return g;
}

export function findStream(g: GroupRecord, name: string): StreamRecord {
  const s = g.streams.get(name);
  if (!s) throw new ResourceNotFoundException(STREAM_NOT_FOUND);
  return s;
}

/** The group name in a log group ARN of this account and region (with or without the trailing `:*`). */
export function groupNameFromArn(state: LogsState, arn: string): string | undefined {
  const prefix = `arn:aws:logs:${state.region}:${state.accountId}:log-group:`;
  if (!arn.startsWith(prefix)) return undefined;
  const rest = arn.slice(prefix.length);
  return rest.endsWith(":*") ? rest.slice(0, -2) : rest;
}
