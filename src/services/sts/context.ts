// What an STS operation receives besides its input, and the shape of its dispatch table.
import type { QueryBackend, QueryContext } from "../queryService.js";
import type { Input, Operation, Output } from "./generated/operations.js";

/** STS state of one account in one region: nothing kept yet, GetCallerIdentity needs only the caller. */
export interface StsState {
  accountId: string;
  region: string;
}

export type StsBackend = QueryBackend<StsState>;

export type StsContext = QueryContext<StsState, StsBackend>;

export type Handler<Op extends Operation> = (input: Input<Op>, ctx: StsContext) => Output<Op> | Promise<Output<Op>>;

/** Every generated operation, each with its handler or null while ecs-local lacks it. */
export type Handlers = { [Op in Operation]: Handler<Op> | null };
