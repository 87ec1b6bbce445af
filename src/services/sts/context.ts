// What an STS operation receives besides its input, and the shape of its dispatch table.
import type { Caller } from "../../protocol/context.js";
import type { Backends } from "../backends.js";
import type { ServiceBackend, ServiceContext } from "../serviceBackend.js";
import type { Session } from "./domain/sessions.js";
import type { Input, Operation, Output } from "./generated/operations.js";

/** STS keeps nothing per account and region: its sessions are the backend's, found by access key id. */
export interface StsState {
  accountId: string;
  region: string;
}

export interface StsBackend extends ServiceBackend<StsState> {
  /** The other services' backends (IAM's roles, which AssumeRole takes). */
  peers: Backends;
  /** Every session STS issued, by its access key id (`ASIA…`), in every account. */
  sessions: Map<string, Session>;
  /** The session an access key id belongs to, when STS issued it; throws a CredentialError when it expired or the token is not its own. */
  callerOf(accessKeyId: string, sessionToken?: string): Caller | undefined;
}

export type StsContext = ServiceContext<StsState, StsBackend>;

export type Handler<Op extends Operation> = (input: Input<Op>, ctx: StsContext) => Output<Op> | Promise<Output<Op>>;

/** Every generated operation, each with its handler or null while ecs-local lacks it. */
export type Handlers = { [Op in Operation]: Handler<Op> | null };
