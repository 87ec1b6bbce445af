// What a EC2 Auto Scaling operation receives besides its input, and the shape of its dispatch table.
import type { Backends } from "../backends.js";
import type { ServiceBackend, ServiceContext } from "../serviceBackend.js";
import type { Input, Operation, Output } from "./generated/operations.js";

/** Auto Scaling groups and launch configurations of one account in one region. */
export interface AutoScalingState {
  accountId: string;
  region: string;
}

export interface AutoScalingBackend extends ServiceBackend<AutoScalingState> {
  /** The other services' backends, through the ports they offer. */
  peers: Backends;
}

export type AutoScalingContext = ServiceContext<AutoScalingState, AutoScalingBackend>;

export type Handler<Op extends Operation> = (input: Input<Op>, ctx: AutoScalingContext) => Output<Op> | Promise<Output<Op>>;

/** Every generated operation, each with its handler or null while ecs-local lacks it. */
export type Handlers = { [Op in Operation]: Handler<Op> | null };
