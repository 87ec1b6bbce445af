// What ECS keeps for Managed Daemons beside the API's own shapes: the daemon, its immutable
// revisions with the capacity providers each covers, and its deployments with where they stand.
import type { Timer } from "../../../engine/timeline.js";
import type { DaemonDeployment, DaemonRevision, DaemonStatus } from "../generated/types.js";

export interface DaemonRecord {
  daemonArn: string;
  name: string;
  clusterName: string;
  clusterArn: string;
  status: DaemonStatus;
  createdAt: number;
  updatedAt: number;
  /** The revision instances run, and new instances start with: the last deployment's target (a rollback's source). */
  revisionArn: string;
  /** The most recent deployment's ARN. */
  deploymentArn: string;
  /** Its deployments, newest first. */
  deployments: string[];
  clientToken?: string;
  /** DeleteDaemon's deployment has drained every instance: the daemon is gone (describable no more). */
  deleted?: boolean;
}

/** A revision and the capacity providers (by name) it covers. */
export interface RevisionRecord {
  revision: DaemonRevision;
  capacityProviders: string[];
}

/** A deployment as the API shows it, and what its batches did. */
export interface DeploymentRecord {
  deployment: DaemonDeployment;
  daemonArn: string;
  /** The revision it deploys (the API's target), none for DeleteDaemon's deployment. */
  target?: string;
  /** The revision instances move to now: the target, or after a rollback the source it returns to. */
  goal?: string;
  /** The revisions it replaces, as they ran when it started. */
  sources: string[];
  /** Instances drained at a time. */
  batchSize: number;
  /** Instances (EC2 ids) its batches drained, in order. */
  drained: string[];
  /** The bake time after a batch: the next one waits for it. */
  bakeTimer?: Timer;
  /** When the bake time of the last batch is over (clock ms). */
  bakedAt?: number;
}
