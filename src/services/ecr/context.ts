// What an ECR operation receives besides its input, and the shape of its dispatch table.
import type { Backends } from "../backends.js";
import type { ServiceBackend, ServiceContext } from "../serviceBackend.js";
import type { Input, Operation, Output } from "./generated/operations.js";
import type { EcrState } from "./store.js";

export type { EcrState } from "./store.js";

export interface EcrBackend extends ServiceBackend<EcrState> {
  peers: Backends;
}

export type EcrContext = ServiceContext<EcrState, EcrBackend>;

export type Handler<Op extends Operation> = (input: Input<Op>, ctx: EcrContext) => Output<Op>;

export type Handlers = { [Op in Operation]: Handler<Op> | null };
