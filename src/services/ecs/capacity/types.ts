// What ECS keeps for its capacity providers' managed scaling and managed draining, beside the
// providers themselves: the resources it made on the Auto Scaling group, the alarms' datapoints,
// and the tasks that wait for capacity. Plain data, rebuilt by replaying the requests that made it.
import type { Timer } from "../../../engine/timeline.js";
import type { AutoScalingGroupProviderUpdate, PlacementConstraint, PlacementStrategy, Task } from "../generated/types.js";
import type { TaskNeeds } from "../domain/resources.js";

/** The target tracking policy ECS keeps on the group while managed scaling is on and the provider associated. */
export interface ManagedPolicy {
  name: string;
  /** TargetTracking-<group>-AlarmHigh-<uuid>: acts after one datapoint above the target. */
  alarmHigh: string;
  /** TargetTracking-<group>-AlarmLow-<uuid>: acts after 15 consecutive datapoints below it. */
  alarmLow: string;
  /** The group (by name) and target value the policy was put with. */
  group: string;
  target: number;
}

/** One evaluation of CapacityProviderReservation, as a one-minute datapoint. */
export interface Datapoint {
  /** Epoch seconds. */
  at: number;
  reservation: number;
  /** Instances of the provider registered ACTIVE in the cluster (N). */
  running: number;
  /** Instances the tasks need: those running non-daemon tasks plus those the waiting tasks fill (M). */
  needed: number;
  waiting: number;
  desiredCapacity: number;
  /** What the alarms did: the desired capacity set, or why nothing happened. */
  action: string;
}

/** Managed scaling and draining of one capacity provider, by provider name. */
export interface ManagedProvider {
  /** The cluster whose attachments the provider's resources belong to. */
  cluster?: string;
  policy?: ManagedPolicy;
  /** The group (by name) ECS's managed draining hook was put on. */
  hookGroup?: string;
  /** Consecutive datapoints below the target. */
  lowDatapoints: number;
  last?: Datapoint;
  timer?: Timer;
  /** An UpdateCapacityProvider accepted and not yet applied (UPDATE_IN_PROGRESS). */
  pendingUpdate?: AutoScalingGroupProviderUpdate;
}

/** A task placed through a provider with managed scaling that no instance could take yet: PROVISIONING, no container instance. */
export interface WaitingTask {
  task: Task;
  needs: TaskNeeds;
  strategies: PlacementStrategy[];
  constraints: PlacementConstraint[];
  /** Stops the task when capacity never comes. */
  timer?: Timer;
}
