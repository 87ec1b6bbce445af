// What an INACTIVE service keeps for the hour ECS still describes it: what its reads answer
// (DescribeServices with its events and deployments, ListServiceDeployments, DescribeServiceDeployments,
// DescribeServiceRevisions), not what only the scheduler used while it had tasks.
import type { ServiceRecord } from "../store.js";

/**
 * An empty map that refuses entries: every INACTIVE service of a server holds the backend's one
 * (`EcsBackend.noEntries`, a host object to snapshots, so a restart shares it as a replay does)
 * instead of two maps of its own, about 180 bytes each even empty.
 */
export class NoEntries<K, V> extends Map<K, V> {
  override set(): this {
    throw new Error("an INACTIVE service's launches and tasks take no entries");
  }
}

/**
 * Lets go of the scheduler's state once the service is INACTIVE: nothing launches for it again
 * (UpdateService, CreateTaskSet and rollbacks refuse a service that is not ACTIVE, and CreateService
 * of its name makes a new record), so its launches, its map of live tasks (empty: it turned INACTIVE
 * after its last task stopped), the CreateService text kept for idempotency and the launches its
 * revisions were made from are not read again. Its lists are copied to their length: `unshift`
 * leaves room for more that will not come.
 */
export function compactInactive(sr: ServiceRecord, noEntries: Map<string, never>): void {
  if (sr.tasks.size > 0) return;
  sr.launches = noEntries;
  sr.tasks = noEntries;
  sr.created = "";
  if (sr.targets?.size === 0) sr.targets = undefined;
  sr.history = sr.history.slice();
  const s = sr.service;
  if (s.events) s.events = s.events.slice();
  for (const entry of sr.revisions?.revisions ?? []) entry.launch = undefined;
  if (sr.revisions) sr.revisions = { revisions: sr.revisions.revisions.slice(), byDeployment: sr.revisions.byDeployment.slice() };
}
