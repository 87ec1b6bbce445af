import type { Handler } from "../context.js";
import { InvalidParameterException } from "../generated/errors.js";
import type { Container, Session, Task } from "../generated/types.js";
import { activeCluster } from "../domain/clusters.js";
import type { IdSource } from "../../../state/ids.js";
import { findTask } from "../domain/tasks.js";

export const EXEC_NOT_ENABLED =
  "The execute command failed because execute command was not enabled when the task was run or the execute command agent isn\u2019t running. Wait and try again or run a new task with execute command enabled and try again.";

/** The container the command runs in: the one named, or the task's only container. */
function targetContainer(task: Task, name: string | undefined): Container {
  const containers = task.containers ?? [];
  if (name === undefined) {
    if (containers.length === 1) return containers[0];
    throw new InvalidParameterException("A container name must be specified when the task has more than one container.");
  }
  const c = containers.find((x) => x.name === name);
  if (!c) throw new InvalidParameterException(`The container ${name} does not exist in the task.`);
  return c;
}

const agentRunning = (c: Container): boolean => c.managedAgents?.some((a) => a.name === "ExecuteCommandAgent" && a.lastStatus === "RUNNING") ?? false;

/**
 * What ECS hands the Session Manager plugin: an SSM session id, the data channel to open and the token
 * that opens it. ecs-local runs no SSM service, so the channel leads nowhere; the answer is the control
 * plane's and nothing more.
 */
function newSession(ids: IdSource, region: string): Session {
  const sessionId = `ecs-execute-command-0${ids.bytes(8).toString("hex")}`;
  const cell = ids.bytes(24).toString("base64url");
  return {
    sessionId,
    streamUrl: `wss://ssmmessages.${region}.amazonaws.com/v1/data-channel/${sessionId}?role=publish_subscribe&cell-number=${cell}`,
    tokenValue: ids.bytes(96).toString("base64"),
  };
}

export const executeCommand: Handler<"ExecuteCommand"> = (input, ctx) => {
  const rec = activeCluster(ctx.state, input.cluster);
  if (!input.interactive) throw new InvalidParameterException("Interactive is the only mode supported currently.");
  const task = findTask(rec, input.task);
  if (!task) throw new InvalidParameterException("The referenced task was not found.");
  const container = targetContainer(task, input.container);
  if (!task.enableExecuteCommand || task.lastStatus !== "RUNNING" || task.desiredStatus !== "RUNNING" || !agentRunning(container)) {
    throw new InvalidParameterException(EXEC_NOT_ENABLED);
  }
  return {
    clusterArn: rec.cluster.clusterArn,
    containerArn: container.containerArn,
    containerName: container.name,
    interactive: true,
    session: newSession(ctx.state.ids, ctx.state.region),
    taskArn: task.taskArn,
  };
};
