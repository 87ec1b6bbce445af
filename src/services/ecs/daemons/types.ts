// What ECS keeps for Managed Daemons beside the API's own shapes: the daemon's settings, its
// immutable revisions and its deployments with the plan they follow.
import type { Timer } from "../../../engine/timeline.js";
import type { DaemonDeployment, DaemonDeploymentConfiguration, DaemonPropagateTags, DaemonRevision, DaemonStatus } from "../generated/types.js";

export interface DaemonRecord {
  daemonArn: string;
  name: string;
  clusterName: string;
  clusterArn: string;
  status: DaemonStatus;
  createdAt: number;
  updatedAt: number;
  /** The revision instances should run: the last deployment's target (a rollback's source). */
  revisionArn: string;
  /** Deployments by ARN, newest first. */
  deployments: string[];
  clientToken?: string;
  /** Set once DeleteDaemon's deployment has drained every instance: the daemon is gone. */
  deleted?: boolean;
}

/** A revision with what ECS needs to run it: the capacity providers (by name) it covers. */
export interface RevisionRecord {
  revision: DaemonRevision;
  capacityProviders: string[];
}

/** A deployment as the API shows it, and where it stands. */
export interface DeploymentRecord {
  deployment: DaemonDeployment;
  daemonArn: string;
  /** The revision instances move to; during a rollback, the source it returns to. */
  goal: string;
  /** Instances (EC2 ids) this deployment drained, and how many a batch takes. */
  drained: Set<string>;
  batch: number;
  /** The batch in flight: drained instances not yet gone. */
  inFlight: Set<string>;
  /** Bake time running after a batch; no batch starts meanwhile. */
  bakeTimer?: Timer;
  /** A DeleteDaemon deployment: instances are drained and the daemon goes with the last. */
  deleting?: boolean;
}

export type DeploymentConfig = Required<Pick<DaemonDeploymentConfiguration, "drainPercent" | "bakeTimeInMinutes">> & DaemonDeploymentConfiguration;

export interface DaemonSettings {
  propagateTags: DaemonPropagateTags;
  enableECSManagedTags: boolean;
  enableExecuteCommand: boolean;
}
