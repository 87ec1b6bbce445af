import type { Handler } from "../context.js";
import { defineTimer } from "../../../engine/timers.js";
import { ClientException } from "../generated/errors.js";
import { DAEMON_TD_BEING_DELETED, DAEMON_TD_NOT_FOUND, findDaemonTd, parseDaemonTdRef } from "../daemons/taskDefinitions.js";
import { settleDeletions } from "../daemons/tdDeletion.js";

/** A revision must be named (family:revision or ARN); it is DELETE_IN_PROGRESS until no daemon runs it, then DELETED. */
export const deleteDaemonTaskDefinition: Handler<"DeleteDaemonTaskDefinition"> = (input, ctx) => {
  const { state } = ctx;
  const ref = parseDaemonTdRef(state, input.daemonTaskDefinition);
  if (!ref || ref.revision === undefined) throw new ClientException("The specified daemon task definition identifier is invalid. Specify a family and revision (family:revision) or a full ARN and try again.");
  const dtd = findDaemonTd(state, input.daemonTaskDefinition);
  if (!dtd) throw new ClientException(DAEMON_TD_NOT_FOUND);
  if (dtd.status !== "ACTIVE") throw new ClientException(DAEMON_TD_BEING_DELETED);
  dtd.status = "DELETE_IN_PROGRESS";
  dtd.deleteRequestedAt = ctx.now();
  const { backend } = ctx;
  backend.timeline.callAfter(0, SETTLE, state);
  return { daemonTaskDefinitionArn: dtd.daemonTaskDefinitionArn };
};

const SETTLE = defineTimer("ecs.daemonTaskDefinitionsSettled", settleDeletions);
