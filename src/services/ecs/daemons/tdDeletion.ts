// Daemon task definitions being deleted: DELETE_IN_PROGRESS while a live daemon's revisions or a
// daemon task still use them, DELETED once none does (existing daemons keep running them until then).
import type { EcsState } from "../store.js";

function inUse(state: EcsState): Set<string> {
  const used = new Set<string>();
  for (const d of state.daemons.values()) {
    if (d.deleted) continue;
    const rev = state.daemonRevisions.get(d.revisionArn);
    if (rev?.revision.daemonTaskDefinitionArn) used.add(rev.revision.daemonTaskDefinitionArn);
  }
  for (const rec of state.clusters.values()) {
    for (const t of rec.tasks.values()) if (t.group?.startsWith("daemon:") && t.lastStatus !== "STOPPED") used.add(t.taskDefinitionArn!);
  }
  return used;
}

export function settleDeletions(state: EcsState): void {
  let pending = false;
  for (const revisions of state.daemonTaskDefinitions.values()) for (const d of revisions) if (d.status === "DELETE_IN_PROGRESS") pending = true;
  if (!pending) return;
  const used = inUse(state);
  for (const revisions of state.daemonTaskDefinitions.values()) {
    for (const d of revisions) if (d.status === "DELETE_IN_PROGRESS" && !used.has(d.daemonTaskDefinitionArn!)) d.status = "DELETED";
  }
}
