// What a elbv2 operation receives besides its input, and the shape of its dispatch table.
import type { QueryBackend, QueryContext } from "../queryService.js";
import type { Input, Operation, Output } from "./generated/operations.js";

/** Elbv2 resources of one account in one region. */
export interface Elbv2State {
  accountId: string;
  region: string;
}

export type Elbv2Backend = QueryBackend<Elbv2State>;

export type Elbv2Context = QueryContext<Elbv2State, Elbv2Backend>;

export type Handler<Op extends Operation> = (input: Input<Op>, ctx: Elbv2Context) => Output<Op> | Promise<Output<Op>>;

/** Every generated operation, each with its handler or null while ecs-local lacks it. */
export type Handlers = { [Op in Operation]: Handler<Op> | null };
