import type { Handler } from "../context.js";
import { ClientException } from "../generated/errors.js";
import { DAEMON_TD_NOT_FOUND, findDaemonTd } from "../daemons/taskDefinitions.js";

export const describeDaemonTaskDefinition: Handler<"DescribeDaemonTaskDefinition"> = (input, { state }) => {
  const dtd = findDaemonTd(state, input.daemonTaskDefinition);
  if (!dtd) throw new ClientException(DAEMON_TD_NOT_FOUND);
  return { daemonTaskDefinition: dtd };
};
