// What a Application Auto Scaling operation receives besides its input, and the shape of its dispatch table.
import type { Timer } from "../../engine/timeline.js";
import type { RequestContext } from "../../protocol/context.js";
import type { Backends } from "../backends.js";
import type { ServiceBackend, ServiceContext } from "../serviceBackend.js";
import type { Input, Operation, Output } from "./generated/operations.js";
import type { ScalableTarget, ScalingActivity, ScalingPolicy, ScheduledAction } from "./generated/types.js";

/** A scaling policy with what its target tracking remembers between evaluations. */
export interface PolicyRecord {
  policy: ScalingPolicy;
  /** The metric's one-minute datapoints, newest last (null: no data that minute); at most 15. */
  datapoints: (number | null)[];
  /** This policy's last scale-out (epoch seconds, and the count it set) and scale-in: its cooldowns run from there. */
  lastScaleOut?: { at: number; to: number };
  lastScaleIn?: number;
}

export interface ActionRecord {
  action: ScheduledAction;
  /** When it runs next (epoch ms); absent when it never runs again. */
  next?: number;
  /** When it was last put (epoch ms): a rate without a StartTime counts from there. */
  anchor: number;
}

/** A registered scalable target with everything that hangs from it. */
export interface TargetRecord {
  target: ScalableTarget;
  /** The id in its policies' and scheduled actions' ARNs, as AWS's share one per target. */
  id: string;
  tags: Record<string, string>;
  policies: Map<string, PolicyRecord>;
  actions: Map<string, ActionRecord>;
}

export interface ActivityRecord {
  activity: ScalingActivity;
  /** The desired count the activity set and the one before, while ECS has not yet reached it. */
  to?: number;
  from?: number;
}

/**
 * A service's utilization as measured (the Docker runtime) or set (PUT /_ecs-local/utilization):
 * average percentages over `tasks` running tasks. The load behind them is kept: with more tasks
 * running the average falls in proportion.
 */
export interface UtilizationSample {
  cpu?: number;
  memory?: number;
  tasks: number;
  at: number;
}

export interface TargetTimers {
  evaluation?: Timer;
  watch?: Timer;
}

/** Scalable targets, policies and scheduled actions of one account in one region. */
export interface ApplicationAutoScalingState {
  accountId: string;
  region: string;
  /** By `namespace|resourceId|dimension`, in registration order. */
  targets: Map<string, TargetRecord>;
  /** Newest first, six weeks at most. */
  activities: ActivityRecord[];
  /** By ECS resource id (`service/<cluster>/<service>`). */
  utilization: Map<string, UtilizationSample>;
}

export interface ApplicationAutoScalingBackend extends ServiceBackend<ApplicationAutoScalingState> {
  /** The other services' backends, through the ports they offer. */
  peers: Backends;
  /** Each target's pending evaluation (target tracking) and watch (a change under way), on the timeline. */
  targetTimers: Map<TargetRecord, TargetTimers>;
  /** Each scheduled action's next run. */
  actionTimers: Map<ActionRecord, Timer>;
  /**
   * Sets a service's utilization through ecs-local's own operation, journaled as a request is (the
   * utilization endpoint, the Docker runtime's measurements); answers what was stored.
   */
  setUtilization(input: UtilizationInput, request: RequestContext): Promise<unknown>;
}

/** The body of PUT /_ecs-local/utilization. */
export interface UtilizationInput {
  cluster: string;
  service: string;
  cpu?: number;
  memory?: number;
  /** The running tasks the percentages are averaged over; by default the service's running count. */
  tasks?: number;
}

export type ApplicationAutoScalingContext = ServiceContext<ApplicationAutoScalingState, ApplicationAutoScalingBackend>;

export type Handler<Op extends Operation> = (input: Input<Op>, ctx: ApplicationAutoScalingContext) => Output<Op> | Promise<Output<Op>>;

/** Every generated operation, each with its handler or null while ecs-local lacks it. */
export type Handlers = { [Op in Operation]: Handler<Op> | null };
