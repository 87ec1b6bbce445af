// What a Secrets Manager operation receives besides its input, and the shape of its dispatch table.
import type { Backends } from "../backends.js";
import type { ServiceBackend, ServiceContext } from "../serviceBackend.js";
import type { Input, Operation, Output } from "./generated/operations.js";

/** Secrets of one account in one region. */
export interface SecretsManagerState {
  accountId: string;
  region: string;
}

export interface SecretsManagerBackend extends ServiceBackend<SecretsManagerState> {
  /** The other services' backends, through the ports they offer. */
  peers: Backends;
}

export type SecretsManagerContext = ServiceContext<SecretsManagerState, SecretsManagerBackend>;

export type Handler<Op extends Operation> = (input: Input<Op>, ctx: SecretsManagerContext) => Output<Op> | Promise<Output<Op>>;

/** Every generated operation, each with its handler or null while ecs-local lacks it. */
export type Handlers = { [Op in Operation]: Handler<Op> | null };
