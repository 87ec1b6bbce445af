// What an STS operation receives besides its input, and the shape of its dispatch table.
import type { Caller } from "../../protocol/context.js";
import type { Backends } from "../backends.js";
import type { ServiceBackend, ServiceContext } from "../serviceBackend.js";
import type { Input, Operation, Output } from "./generated/operations.js";

/** STS state of one account in one region: nothing kept yet, GetCallerIdentity needs only the caller. */
export interface StsState {
  accountId: string;
  region: string;
}

export interface StsBackend extends ServiceBackend<StsState> {
  /** The other services' backends (IAM's roles, which AssumeRole takes). */
  peers: Backends;
  /** The role session an access key id belongs to, when STS issued it; throws ExpiredTokenException for an expired one. */
  callerOf(accessKeyId: string): Caller | undefined;
}

export type StsContext = ServiceContext<StsState, StsBackend>;

export type Handler<Op extends Operation> = (input: Input<Op>, ctx: StsContext) => Output<Op> | Promise<Output<Op>>;

/** Every generated operation, each with its handler or null while ecs-local lacks it. */
export type Handlers = { [Op in Operation]: Handler<Op> | null };
