// What a CloudFormation operation receives besides its input, and the shape of its dispatch table.
import type { Backends } from "../backends.js";
import type { ServiceBackend, ServiceContext } from "../serviceBackend.js";
import type { Input, Operation, Output } from "./generated/operations.js";

/** Stacks of one account in one region. */
export interface CloudFormationState {
  accountId: string;
  region: string;
}

export interface CloudFormationBackend extends ServiceBackend<CloudFormationState> {
  /** The other services' backends, through the ports they offer. */
  peers: Backends;
}

export type CloudFormationContext = ServiceContext<CloudFormationState, CloudFormationBackend>;

export type Handler<Op extends Operation> = (input: Input<Op>, ctx: CloudFormationContext) => Output<Op> | Promise<Output<Op>>;

/** Every generated operation, each with its handler or null while ecs-local lacks it. */
export type Handlers = { [Op in Operation]: Handler<Op> | null };
