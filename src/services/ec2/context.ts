// What an EC2 operation receives besides its input, and the shape of its dispatch table.
import type { Backends } from "../backends.js";
import type { QueryBackend, QueryContext } from "../queryService.js";
import type { Input, Operation, Output } from "./generated/operations.js";

/** EC2 resources of one account in one region. */
export interface Ec2State {
  accountId: string;
  region: string;
}

export interface Ec2Backend extends QueryBackend<Ec2State> {
  /** The other services' backends (ECS's, …), for operations that act on their state. */
  peers: Backends;
}

export type Ec2Context = QueryContext<Ec2State, Ec2Backend>;

export type Handler<Op extends Operation> = (input: Input<Op>, ctx: Ec2Context) => Output<Op> | Promise<Output<Op>>;

/** Every generated operation, each with its handler or null while ecs-local lacks it. */
export type Handlers = { [Op in Operation]: Handler<Op> | null };
