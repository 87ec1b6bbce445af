// What an ELBv2 operation receives besides its input, and the shape of its dispatch table.
import type { NamedCall } from "../../engine/timers.js";
import type { IdSource } from "../../state/ids.js";
import type { Timer } from "../../engine/timeline.js";
import type { Backends } from "../backends.js";
import type { ServiceBackend, ServiceContext } from "../serviceBackend.js";
import type { Input, Operation, Output } from "./generated/operations.js";
import type { Listener, LoadBalancer, Rule, Tag, TargetDescription, TargetGroup, TargetHealth } from "./generated/types.js";
import type { TargetGroupPort } from "./port.js";
import type { TrafficPort } from "./trafficPort.js";

export interface LoadBalancerRecord {
  lb: LoadBalancer;
  attributes: Map<string, string>;
}

export interface ListenerRecord {
  listener: Listener;
  /** The listener's rules by ARN, its default rule included. */
  rules: Map<string, Rule>;
}

/** A registered target: where its health stands and the timer that moves it next. */
export interface TargetRecord {
  target: TargetDescription;
  health: TargetHealth;
  timer?: Timer;
  /** Told when its health moves or it is gone (ECS, for the task it stands for). */
  onChange?: NamedCall;
  /** Health checked for real by the data plane, rather than settled by the clock. */
  probed?: boolean;
  /** Checks passed or failed in a row (probed targets). */
  streak?: { ok: number; fail: number };
  /** Health set by hand (the /_ecs-local/target-health route): neither clock nor probe moves it. */
  marked?: boolean;
}

export interface TargetGroupRecord {
  tg: TargetGroup;
  attributes: Map<string, string>;
  /** Registered (and draining) targets, keyed `id:port`. */
  targets: Map<string, TargetRecord>;
}

/** ELBv2 resources of one account in one region; listeners and rules are found through their load balancer. */
export interface Elbv2State {
  accountId: string;
  region: string;
  /** The service's id source (seeded: a replay makes the same ids). */
  ids: IdSource;
  loadBalancers: Map<string, LoadBalancerRecord>;
  listeners: Map<string, ListenerRecord>;
  targetGroups: Map<string, TargetGroupRecord>;
  tags: Map<string, Tag[]>;
}

export interface Elbv2Backend extends ServiceBackend<Elbv2State> {
  /** The other services' backends (ECS's, …), for operations that act on their state. */
  peers: Backends;
  /** What ECS uses to put a service's tasks in target groups. */
  targets: TargetGroupPort;
  /** What the data plane serves listeners and checks targets through. */
  traffic: TrafficPort;
  /** Set by the data plane: whether it probes this target for real (else the clock settles its health). */
  probing?: (state: Elbv2State, tg: TargetGroupRecord, t: TargetRecord) => boolean;
  /** Told whenever a listener or load balancer appears, changes or goes (the data plane opens its ports). */
  listenerWatchers: Set<() => void>;
}

export type Elbv2Context = ServiceContext<Elbv2State, Elbv2Backend>;

export type Handler<Op extends Operation> = (input: Input<Op>, ctx: Elbv2Context) => Output<Op> | Promise<Output<Op>>;

/** Every generated operation, each with its handler or null while ecs-local lacks it. */
export type Handlers = { [Op in Operation]: Handler<Op> | null };
