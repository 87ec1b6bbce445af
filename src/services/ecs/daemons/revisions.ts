// Daemon revisions: an immutable snapshot of what a deployment rolls out (the daemon task definition,
// its container images, tag propagation, managed tags, execute command) and the providers it covers.
import type { DaemonPropagateTags, DaemonTaskDefinition } from "../generated/types.js";
import type { EcsState } from "../store.js";
import { newRevisionArn } from "./arns.js";
import { containerName } from "./taskModel.js";
import type { DaemonRecord, RevisionRecord } from "./types.js";

export interface RevisionSettings {
  propagateTags?: DaemonPropagateTags;
  enableECSManagedTags?: boolean;
  enableExecuteCommand?: boolean;
}

export function recordRevision(state: EcsState, d: Pick<DaemonRecord, "daemonArn" | "clusterArn" | "clusterName" | "name">, dtd: DaemonTaskDefinition, providers: string[], settings: RevisionSettings, now: number): RevisionRecord {
  const arn = newRevisionArn(state, d.clusterName, d.name);
  const rev: RevisionRecord = {
    revision: {
      daemonRevisionArn: arn,
      clusterArn: d.clusterArn,
      daemonArn: d.daemonArn,
      daemonTaskDefinitionArn: dtd.daemonTaskDefinitionArn,
      createdAt: now,
      // No registry is asked for digests here: the images are as the definition names them.
      containerImages: (dtd.containerDefinitions ?? []).map((c, i) => ({ containerName: c.name ?? containerName(c.image, i), image: c.image })),
      propagateTags: settings.propagateTags ?? "NONE",
      enableECSManagedTags: settings.enableECSManagedTags ?? false,
      enableExecuteCommand: settings.enableExecuteCommand ?? false,
    },
    capacityProviders: [...providers],
  };
  state.daemonRevisions.set(arn, rev);
  return rev;
}
