// What ECS keeps for the EC2 instances it launches for Managed Instances capacity providers, beside
// EC2's own record of them: whose they are, why they are being taken out, and the timers that act.
import type { Timer } from "../../../engine/timeline.js";

/** Why ECS is taking an instance out: it drains, then is terminated once nothing but daemons runs on it. */
export type RetireReason = "lifetime" | "idle" | "repair" | "deployment" | "provider-deleted";

export interface ManagedInstance {
  instanceId: string;
  provider: string;
  cluster: string;
  instanceType: string;
  /** Clock milliseconds. */
  launchedAt: number;
  /** Its container instance id (the ARN's tail) once the agent registered it. */
  containerInstanceId?: string;
  retiring?: RetireReason;
  /** Idle since then: terminated once `scaleInAfter` has passed with nothing but daemons on it. */
  idleTimer?: Timer;
  /** Day 14 of its life: drained for replacement. */
  drainTimer?: Timer;
  /** Day 21: terminated whatever still runs on it. */
  endTimer?: Timer;
  /** ECS asked EC2 to terminate it. */
  terminated?: boolean;
}

/** A provider's launches that failed, and when ECS tries again. */
export interface LaunchTrouble {
  message: string;
  /** Epoch seconds. */
  at: number;
  retry?: Timer;
}
