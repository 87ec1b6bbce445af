// The awslogs log driver: where a container's output goes in CloudWatch Logs, as ECS names it.
import type { ContainerDefinition } from "../services/ecs/generated/types.js";
import type { TaskRun } from "./runtime.js";

export interface LogTarget {
  accountId: string;
  region: string;
  group: string;
  stream: string;
  createGroup: boolean;
}

export interface LogLine {
  /** Milliseconds since the epoch. */
  timestamp: number;
  message: string;
}

/** CloudWatch Logs as the runtimes write to it (the Logs service on the same endpoint implements it). */
export interface LogSink {
  /** Creates the stream (and the group when allowed); answers why it could not, or undefined. */
  openStream(target: LogTarget): string | undefined;
  append(target: LogTarget, lines: LogLine[]): void;
  /** The time of the stream's last line, if it has any: a runtime that follows a container again reads on from there. */
  lastTimestamp(target: LogTarget): number | undefined;
}

/**
 * Where a container with the awslogs driver logs: the stream is `<prefix>/<container>/<task id>`;
 * without a prefix the agent names it after the container's runtime id (given, else the task id).
 */
export function awslogsTarget(run: TaskRun, def: ContainerDefinition, runtimeId?: string): LogTarget | undefined {
  const lc = def.logConfiguration;
  if (lc?.logDriver !== "awslogs") return undefined;
  const o = lc.options ?? {};
  const group = o["awslogs-group"];
  if (!group) return undefined;
  const taskId = run.task.taskArn!.split("/").pop()!;
  const prefix = o["awslogs-stream-prefix"];
  return {
    accountId: run.accountId,
    region: o["awslogs-region"] ?? run.region,
    group,
    stream: prefix ? `${prefix}/${def.name}/${taskId}` : (runtimeId ?? taskId),
    createGroup: o["awslogs-create-group"] === "true",
  };
}

/** ECS's text when the agent cannot open a container's log stream. */
export function loggerFailure(why: string): string {
  return `ResourceInitializationError: failed to validate logger args: create stream has been retried 1 times: failed to create Cloudwatch log stream: ${why} : exit status 1`;
}
