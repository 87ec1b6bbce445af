// Scale-in protection of a group's instances (SetInstanceProtection, and ECS's managed termination protection).
import type { GroupRecord } from "../context.js";
import { asgErrors } from "./errors.js";

/** Every instance must be the group's (AWS's text names the first that is not). */
export function setProtection(group: GroupRecord, instanceIds: string[], protect: boolean): void {
  for (const id of instanceIds) if (!group.instances.has(id)) throw asgErrors.validation(`The instance ${id} is not part of Auto Scaling group ${group.name}.`);
  for (const id of instanceIds) group.instances.get(id)!.protectedFromScaleIn = protect;
}
