// Multi-Region secrets: a replica is a read-only copy of its primary in another Region of the same
// account, with the primary's ARN in that Region. Every change to the primary is copied to its
// replicas at once (replication here takes no time); a replica can be promoted to a standalone
// secret, or removed from the primary's Regions.
import type { ReplicaRegionType, ReplicationStatusType } from "../generated/types.js";
import type { SecretsManagerBackend } from "../context.js";
import type { SecretRecord, SecretsManagerState, VersionRecord } from "../store.js";
import { arnInRegion } from "./arn.js";
import { removeNow } from "./deletion.js";
import { DEFAULT_KEY_ALIAS, kmsKey } from "./kms.js";
import { invalidParameter } from "./messages.js";

const IN_SYNC = "Replication succeeded";
const NAME_TAKEN = "Secret with this name already exists in this region";

function replicaIn(backend: SecretsManagerBackend, accountId: string, region: string, primary: SecretRecord, primaryRegion: string): SecretRecord | undefined {
  const found = backend.states.get(accountId, region).secrets.get(primary.name);
  return found?.primary?.region === primaryRegion ? found : undefined;
}

function copyVersions(from: VersionRecord[], old: VersionRecord[], kmsKeyId: string | undefined): VersionRecord[] {
  return from.map((v) => {
    const { lastAccessedDate: _, kmsKeyId: __, ...rest } = v;
    const read = old.find((o) => o.versionId === v.versionId)?.lastAccessedDate;
    return { ...rest, stages: [...v.stages], ...(read !== undefined ? { lastAccessedDate: read } : {}), ...(kmsKeyId ? { kmsKeyId } : {}) };
  });
}

/** Copies what the primary holds (values, labels, description, tags) into the replica. */
function copyInto(replica: SecretRecord, primary: SecretRecord): void {
  replica.versions = copyVersions(primary.versions, replica.versions, replica.kmsKeyId);
  replica.description = primary.description;
  replica.type = primary.type;
  replica.tags = primary.tags?.map((t) => ({ ...t }));
  replica.lastChangedDate = primary.lastChangedDate;
}

/** After a change to a primary: its replicas hold the same. */
export function syncReplicas(backend: SecretsManagerBackend, state: SecretsManagerState, primary: SecretRecord): void {
  for (const status of primary.replicas ?? []) {
    const replica = replicaIn(backend, state.accountId, status.Region!, primary, state.region);
    if (replica) copyInto(replica, primary);
  }
}

/**
 * Adds replicas in these Regions; answers their statuses as the request sees them (in progress),
 * while the secret already holds the outcome (in sync, or failed for a name taken there).
 */
export function replicate(backend: SecretsManagerBackend, state: SecretsManagerState, primary: SecretRecord, regions: ReplicaRegionType[], force: boolean, now: number): ReplicationStatusType[] {
  const answered: ReplicationStatusType[] = [];
  const added: ReplicationStatusType[] = [];
  for (const r of regions) {
    const region = r.Region;
    if (region === undefined || region === state.region) throw invalidParameter("Invalid replica region.");
    if ([...(primary.replicas ?? []), ...added].some((s) => s.Region === region)) throw invalidParameter(`The secret is already replicated to ${region}.`);
    const key = kmsKey(r.KmsKeyId);
    added.push({ Region: region, KmsKeyId: key ?? DEFAULT_KEY_ALIAS, Status: "InSync", StatusMessage: IN_SYNC });
    answered.push({ Region: region, KmsKeyId: key ?? DEFAULT_KEY_ALIAS, Status: "InProgress" });
  }
  for (const status of added) {
    const target = backend.states.get(state.accountId, status.Region!);
    const taken = target.secrets.get(primary.name);
    if (taken && !force) {
      Object.assign(status, { Status: "Failed", StatusMessage: NAME_TAKEN });
      continue;
    }
    if (taken) removeNow(backend, target, taken);
    const kmsKeyId = status.KmsKeyId === DEFAULT_KEY_ALIAS ? undefined : status.KmsKeyId;
    const replica: SecretRecord = { arn: arnInRegion(primary.arn, target.region), name: primary.name, createdDate: now, lastChangedDate: now, versions: [], primary: { region: state.region, name: primary.name }, ...(kmsKeyId ? { kmsKeyId } : {}) };
    copyInto(replica, primary);
    target.secrets.set(replica.name, replica);
  }
  primary.replicas = [...(primary.replicas ?? []), ...added];
  return answered;
}

/** Deletes the replicas in these Regions (at once) and forgets them. */
export function removeReplicas(backend: SecretsManagerBackend, state: SecretsManagerState, primary: SecretRecord, regions: string[]): void {
  for (const region of regions) {
    if (!primary.replicas?.some((s) => s.Region === region)) throw invalidParameter(`The secret isn't replicated to ${region}.`);
  }
  for (const region of regions) {
    const replica = replicaIn(backend, state.accountId, region, primary, state.region);
    if (replica) removeNow(backend, backend.states.get(state.accountId, region), replica);
  }
  primary.replicas = primary.replicas!.filter((s) => !regions.includes(s.Region!));
}

/** Turns a replica into a standalone secret of its Region; its primary forgets it. */
export function promote(backend: SecretsManagerBackend, state: SecretsManagerState, replica: SecretRecord): void {
  const from = replica.primary!;
  const primary = backend.states.get(state.accountId, from.region).secrets.get(from.name);
  if (primary?.replicas) primary.replicas = primary.replicas.filter((s) => s.Region !== state.region);
  delete replica.primary;
}

/** A read of a replica shows as the replica Region's last access on its primary too. */
export function noteReplicaAccess(backend: SecretsManagerBackend, state: SecretsManagerState, replica: SecretRecord): void {
  const from = replica.primary;
  if (!from) return;
  const status = backend.states.get(state.accountId, from.region).secrets.get(from.name)?.replicas?.find((s) => s.Region === state.region);
  if (status) status.LastAccessedDate = replica.lastAccessedDate;
}
