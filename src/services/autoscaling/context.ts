// What an EC2 Auto Scaling operation receives besides its input, the state it keeps per account and
// region, and the port it offers other services (ECS capacity providers).
import type { Timer } from "../../engine/timeline.js";
import type { Backends } from "../backends.js";
import type { ServiceBackend, ServiceContext } from "../serviceBackend.js";
import type { Input, Operation, Output } from "./generated/operations.js";
import type {
  Activity,
  EnabledMetric,
  InstanceRefresh,
  LaunchConfiguration,
  LaunchTemplateSpecification,
  LifecycleHook,
  LifecycleState,
  MixedInstancesPolicy,
  ScalingPolicy,
  ScheduledUpdateGroupAction,
  TagDescription,
  TrafficSourceIdentifier,
} from "./generated/types.js";

/** Where a group's instances come from: a launch configuration, a launch template, or a mixed instances policy's template. */
export type LaunchSource =
  | { kind: "configuration"; name: string }
  | { kind: "template"; template: LaunchTemplateSpecification }
  | { kind: "mixed"; policy: MixedInstancesPolicy };

/** A subnet a group launches into, with the zone EC2 gave it. */
export interface GroupSubnet {
  subnetId: string;
  zone: string;
  zoneId: string;
}

/** A lifecycle action an instance waits on: one per hook of the transition it is in. */
export interface PendingAction {
  hook: string;
  token: string;
  /** When the heartbeat runs out (ms); RecordLifecycleActionHeartbeat moves it. */
  heartbeatAt: number;
  /** The latest moment the action may last (ms): the hook's GlobalTimeout from its start. */
  deadline: number;
  timer?: Timer;
}

export interface GroupInstance {
  instanceId: string;
  instanceType: string;
  zone: string;
  zoneId: string;
  subnetId?: string;
  imageId?: string;
  lifecycle: LifecycleState;
  health: "Healthy" | "Unhealthy";
  protectedFromScaleIn: boolean;
  launchConfigurationName?: string;
  launchTemplate?: LaunchTemplateSpecification;
  /** Launch order: what OldestInstance/NewestInstance compare. */
  seq: number;
  /** When it was launched or attached (ms): ECS managed scaling's instance warm-up counts from here. */
  launchedAt?: number;
  /** When it went InService (ms), from which its health check grace period counts. */
  inServiceAt?: number;
  /** The activity that launches, moves or terminates it now. */
  activityId?: string;
  /** Registered in the group's target groups (deregistered when it leaves service). */
  registered: boolean;
  /** Lifecycle actions it waits on (Pending:Wait, Terminating:Wait), by hook name. */
  actions: Map<string, PendingAction>;
  /** The EC2 state last reported (pending, running, stopping, …). */
  ec2State: string;
  healthTimer?: Timer;
}

/** An instance refresh: the instances it still has to replace, and the configuration it rolls out. */
export interface RefreshRecord {
  refresh: InstanceRefresh;
  /** Instances to replace, in the order they go. */
  toReplace: string[];
  total: number;
  /** The desired configuration, launched by replacements and the group's once the refresh succeeds. */
  launch?: LaunchSource;
  warmupMs: number;
  /** Since when only protected or Standby instances (Wait) hold the refresh up (ms). */
  waitingSince?: number;
  timer?: Timer;
}

export interface ScheduledRecord {
  action: ScheduledUpdateGroupAction;
  timer?: Timer;
}

export interface GroupRecord {
  name: string;
  arn: string;
  /** Epoch seconds. */
  createdTime: number;
  launch: LaunchSource;
  minSize: number;
  maxSize: number;
  desiredCapacity: number;
  defaultCooldown: number;
  healthCheckType: string;
  healthCheckGracePeriod: number;
  availabilityZones: string[];
  /** From VPCZoneIdentifier, in the order given; empty when the group names only zones. */
  subnets: GroupSubnet[];
  /** ELBv2 target groups and other traffic sources, in attachment order. */
  trafficSources: TrafficSourceIdentifier[];
  terminationPolicies: string[];
  newInstancesProtectedFromScaleIn: boolean;
  capacityRebalance: boolean;
  serviceLinkedRoleARN: string;
  /** What the group echoes as given and does not act on (MaxInstanceLifetime, Context, …). */
  extra: Record<string, unknown>;
  tags: TagDescription[];
  instances: Map<string, GroupInstance>;
  suspended: Map<string, string>;
  hooks: Map<string, LifecycleHook>;
  policies: Map<string, ScalingPolicy>;
  scheduled: Map<string, ScheduledRecord>;
  enabledMetrics: EnabledMetric[];
  /** Instance refreshes, oldest first; at most one is Pending, InProgress or Cancelling. */
  refreshes: RefreshRecord[];
  /** How many launches still replace instances of a refresh. */
  refreshLaunches: number;
  /** "Delete in progress" once DeleteAutoScalingGroup was accepted. */
  deleting: boolean;
  /** The change of desired capacity the next launches or terminations answer, as their Cause begins. */
  pendingCause?: string;
  /** How many launches still replace unhealthy instances. */
  replacements: number;
  /** A change of desired capacity was made: its cooldown starts once the group's activities have ended. */
  cooldownArmed: boolean;
  /** The cooldown (s) that change starts: the policy's, else the group's default. */
  pendingCooldown: number;
  cooldownUntil: number;
  cooldownActivityId?: string;
  reconcileTimer?: Timer;
  /** After a failed launch, launching waits until then (ms). */
  retryAt: number;
  retryDelay: number;
  seq: number;
}

export interface ActivityRecord {
  activity: Activity;
  groupArn: string;
}

/** Auto Scaling groups and launch configurations of one account in one region. */
export interface AutoScalingState {
  accountId: string;
  region: string;
  groups: Map<string, GroupRecord>;
  launchConfigurations: Map<string, LaunchConfiguration>;
  /** Scaling activities, oldest first; those of deleted groups stay (IncludeDeletedGroups). */
  activities: ActivityRecord[];
  /** How many activities each group (by ARN) has kept. */
  activityCounts: Map<string, number>;
  /** Which group an EC2 instance belongs to. */
  instanceGroups: Map<string, string>;
}

/** A group as ECS capacity providers see it. */
export interface GroupView {
  name: string;
  arn: string;
  minSize: number;
  maxSize: number;
  desiredCapacity: number;
  newInstancesProtectedFromScaleIn: boolean;
  /** True once DeleteAutoScalingGroup was accepted. */
  deleting: boolean;
  instances: {
    instanceId: string;
    lifecycleState: LifecycleState;
    healthStatus: "Healthy" | "Unhealthy";
    protectedFromScaleIn: boolean;
    availabilityZone: string;
    instanceType: string;
    /** When it was launched or attached (ms). */
    launchedAt: number;
  }[];
}

/** Told when an instance of a group waits in Terminating:Wait on a lifecycle hook (ECS's managed draining hook among them). */
export type TerminatingListener = (accountId: string, region: string, groupName: string, instanceId: string, hook: string) => void;

/** What ECS capacity providers use of Auto Scaling: managed scaling and managed termination protection. */
export interface AutoScalingPort {
  /** The group named by its name or ARN in that account and region; undefined when there is none. */
  group(accountId: string, region: string, nameOrArn: string): GroupView | undefined;
  /**
   * Sets the desired capacity as SetDesiredCapacity does (within min and max, or AWS's
   * ValidationError). `cause` says what asked, as a Cause words it after its time, e.g. "a monitor
   * alarm X in state ALARM triggered policy Y"; the activities' Cause then reads "At <time> <cause>
   * changing the desired capacity from 1 to 2.  At …". Throws AwsError.
   */
  setDesiredCapacity(accountId: string, region: string, nameOrArn: string, desired: number, cause: string): void;
  /** Sets or clears scale-in protection of instances of the group, as SetInstanceProtection does. Throws AwsError. */
  setInstanceProtection(accountId: string, region: string, nameOrArn: string, instanceIds: string[], protect: boolean): void;
  /**
   * The instance types the group launches: its launch configuration's, its launch template version's,
   * or a mixed instances policy's overrides (else its template's); empty when the source names none.
   */
  instanceTypes(accountId: string, region: string, nameOrArn: string): string[];
  /** The ARN of the group an instance belongs to; undefined when it belongs to none. */
  groupOfInstance(accountId: string, region: string, instanceId: string): string | undefined;
  /** Listens for instances held in Terminating:Wait by a hook; listeners must not change the group in their turn (schedule instead). */
  onTerminating(listener: TerminatingListener): void;
}

export interface AutoScalingBackend extends ServiceBackend<AutoScalingState> {
  /** The other services' backends, through the ports they offer. */
  peers: Backends;
  /** What ECS capacity providers read and change of groups. */
  groups: AutoScalingPort;
  /** Who hears of instances held by a termination hook (the port's onTerminating). */
  terminatingListeners: TerminatingListener[];
}

export type AutoScalingContext = ServiceContext<AutoScalingState, AutoScalingBackend>;

export type Handler<Op extends Operation> = (input: Input<Op>, ctx: AutoScalingContext) => Output<Op> | Promise<Output<Op>>;

/** Every generated operation, each with its handler or null while ecs-local lacks it. */
export type Handlers = { [Op in Operation]: Handler<Op> | null };

export type { LaunchConfiguration, LifecycleHook, ScalingPolicy };
