// What an STS operation receives besides its input, and the shape of its dispatch table.
import type { Caller } from "../../protocol/context.js";
import type { Backends } from "../backends.js";
import type { ServiceBackend, ServiceContext } from "../serviceBackend.js";
import type { Session } from "./domain/sessions.js";
import type { ServiceSessionRequest } from "./domain/serviceSession.js";
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
  /**
   * A role session a service starts for a resource of its own (ECS's task roles): undefined when the
   * role does not exist or does not trust the service. Synchronous and seeded: call it from an
   * operation or a timer, so that a replay issues the same credentials.
   */
  serviceSession(request: ServiceSessionRequest): Session | undefined;
  /** A session STS issued, by its access key id. */
  session(accessKeyId: string): Session | undefined;
}

export type StsContext = ServiceContext<StsState, StsBackend>;

export type Handler<Op extends Operation> = (input: Input<Op>, ctx: StsContext) => Output<Op> | Promise<Output<Op>>;

/** Every generated operation, each with its handler or null while ecs-local lacks it. */
export type Handlers = { [Op in Operation]: Handler<Op> | null };
