// What an ELBv2 operation receives besides its input, and the shape of its dispatch table.
import type { Backends } from "../backends.js";
import type { QueryBackend, QueryContext } from "../queryService.js";
import type { Input, Operation, Output } from "./generated/operations.js";

/** ELBv2 resources of one account in one region. */
export interface Elbv2State {
  accountId: string;
  region: string;
}

export interface Elbv2Backend extends QueryBackend<Elbv2State> {
  /** The other services' backends (ECS's, …), for operations that act on their state. */
  peers: Backends;
}

export type Elbv2Context = QueryContext<Elbv2State, Elbv2Backend>;

export type Handler<Op extends Operation> = (input: Input<Op>, ctx: Elbv2Context) => Output<Op> | Promise<Output<Op>>;

/** Every generated operation, each with its handler or null while ecs-local lacks it. */
export type Handlers = { [Op in Operation]: Handler<Op> | null };
