// Service-linked role deletions: submitted, then done by the clock (at the next turn with the
// `instant` timings, a few seconds later with `realistic`), never because somebody asked how it went.
import type { IamContext, IamState, RoleRecord } from "../context.js";
import { keyOf } from "./entities.js";
import { countUse, managedPolicy } from "./policies.js";
import { defineTimer } from "../../../engine/timers.js";

export const TASK_ID = /^task\/aws-service-role\/[^/]+\/[^/]+\/[0-9a-f-]{36}$/;

/** Chosen: AWS names no duration; the realistic profile's seconds are of the order it takes. */
const REALISTIC_MS = 5_000;

/** The deletion task of the role (the one already running, if any). */
export function deleteLinkedRole(ctx: IamContext, role: RoleRecord): string {
  const { state, backend } = ctx;
  const prefix = `task/aws-service-role/${role.linkedService}/${role.name}/`;
  for (const [id, status] of state.deletionTasks) if (id.startsWith(prefix) && status === "IN_PROGRESS") return id;
  const id = prefix + backend.ids.uuid();
  state.deletionTasks.set(id, "IN_PROGRESS");
  const delay = backend.config.timingProfile === "realistic" ? REALISTIC_MS : 0;
  backend.timeline.callAfter(delay, FINISH, state, role, id);
  return id;
}

const FINISH = defineTimer("iam.finishLinkedRoleDeletion", (state: IamState, role: RoleRecord, id: string) => {
  for (const arn of role.attached) {
    const p = managedPolicy(state, arn);
    if (p) countUse(state, p, "attachments", -1);
  }
  state.roles.delete(keyOf(role.name));
  state.deletionTasks.set(id, "SUCCEEDED");
});
