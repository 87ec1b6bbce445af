// What a Application Auto Scaling operation receives besides its input, and the shape of its dispatch table.
import type { Backends } from "../backends.js";
import type { ServiceBackend, ServiceContext } from "../serviceBackend.js";
import type { Input, Operation, Output } from "./generated/operations.js";

/** Scalable targets, policies and scheduled actions of one account in one region. */
export interface ApplicationAutoScalingState {
  accountId: string;
  region: string;
}

export interface ApplicationAutoScalingBackend extends ServiceBackend<ApplicationAutoScalingState> {
  /** The other services' backends, through the ports they offer. */
  peers: Backends;
}

export type ApplicationAutoScalingContext = ServiceContext<ApplicationAutoScalingState, ApplicationAutoScalingBackend>;

export type Handler<Op extends Operation> = (input: Input<Op>, ctx: ApplicationAutoScalingContext) => Output<Op> | Promise<Output<Op>>;

/** Every generated operation, each with its handler or null while ecs-local lacks it. */
export type Handlers = { [Op in Operation]: Handler<Op> | null };
