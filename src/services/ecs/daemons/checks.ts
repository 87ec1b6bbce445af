// What CreateDaemon and UpdateDaemon check besides the model: an ACTIVE daemon task definition, and a
// deployment configuration within the guide's bounds.
import { ClientException, InvalidParameterException } from "../generated/errors.js";
import type { DaemonDeploymentConfiguration, DaemonTaskDefinition } from "../generated/types.js";
import type { EcsState } from "../store.js";
import { DAEMON_TD_BEING_DELETED, DAEMON_TD_NOT_FOUND, findDaemonTd } from "./taskDefinitions.js";

export function activeDaemonTd(state: EcsState, ref: string): DaemonTaskDefinition {
  const dtd = findDaemonTd(state, ref);
  if (!dtd) throw new ClientException(DAEMON_TD_NOT_FOUND);
  if (dtd.status !== "ACTIVE") throw new ClientException(DAEMON_TD_BEING_DELETED);
  return dtd;
}

export function checkDeploymentConfiguration(c: DaemonDeploymentConfiguration | undefined): void {
  if (c?.bakeTimeInMinutes !== undefined && (c.bakeTimeInMinutes < 0 || c.bakeTimeInMinutes > 1440)) {
    throw new InvalidParameterException("bakeTimeInMinutes must be between 0 and 1440.");
  }
  if (c?.alarms?.enable && !c.alarms.alarmNames?.length) throw new InvalidParameterException("alarmNames must be specified when alarms are enabled.");
}
