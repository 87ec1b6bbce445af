// What an ELBv2 operation receives besides its input, and the shape of its dispatch table.
import type { IdSource } from "../../state/ids.js";
import type { Timer } from "../../engine/timeline.js";
import type { Backends } from "../backends.js";
import type { ServiceBackend, ServiceContext } from "../serviceBackend.js";
import type { Input, Operation, Output } from "./generated/operations.js";
import type { Listener, LoadBalancer, Rule, Tag, TargetDescription, TargetGroup, TargetHealth } from "./generated/types.js";
import type { TargetGroupPort } from "./port.js";

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
  onChange?: () => void;
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
}

export type Elbv2Context = ServiceContext<Elbv2State, Elbv2Backend>;

export type Handler<Op extends Operation> = (input: Input<Op>, ctx: Elbv2Context) => Output<Op> | Promise<Output<Op>>;

/** Every generated operation, each with its handler or null while ecs-local lacks it. */
export type Handlers = { [Op in Operation]: Handler<Op> | null };
