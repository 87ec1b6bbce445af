// What every protocol needs from a service it serves, and what the app needs to run them.
import type { Logger } from "../log.js";
import { faultFields, type CallerLookup, type RequestContext } from "./context.js";

/** A service the registry holds, whatever its protocol. */
export interface ServedService {
  /** Folder name under schemas/ and src/services/; the service name in health and request logs. */
  name: string;
  /** The service name in a SigV4 credential scope (`ecs`, `sts`, `elasticloadbalancing`, `ec2`). */
  signingName: string;
  /** Every operation of the model, implemented or not. */
  operations: readonly string[];
  /** True when the model has this operation (known, even if ecs-local lacks it). */
  has(operation: string): boolean;
  /** True when ecs-local implements the operation; only after `load()` has settled. */
  implemented(operation: string): boolean;
  /**
   * Loads the operation's code (every operation's without one), which start-up leaves alone:
   * resolves once it is loaded, undefined when it already is (the protocols await it before
   * validating, so only an operation's first request waits).
   */
  load?(operation?: string): Promise<void> | undefined;
  /** Loads the operation's own code ahead of need, if it has any (the warm-up after start). */
  preload?(operation: string): Promise<void> | undefined;
  /** Runs a validated request; resolves to the output object. */
  invoke(operation: string, input: Record<string, unknown>, ctx: RequestContext): unknown;
  /** Forgets every resource of every account and region. */
  reset(): void;
  /**
   * Operations that change state although named like reads (`GetSessionToken` makes a session):
   * persistence journals every operation not named Describe/List/Get/Filter/Discover, and these.
   */
  changesState?: readonly string[];
}

/** What the protocol handlers share: where requests come from and how they are reported. */
export interface ProtocolOptions {
  defaultAccount: string;
  defaultRegion: string;
  maxBodyBytes: number;
  validateOutput: boolean;
  logger: Logger;
  /** Runs once per request, after validation and before the operation: the work that fell due. */
  beforeInvoke(): void;
  /** Who an access key ecs-local issued belongs to (IAM users' keys, STS sessions). */
  callers?: CallerLookup;
}

/** Where a queued answer's write that threw is reported (turnEnd.ts), as a failed operation is. */
export function writeFailure(logger: Logger, ctx: RequestContext, service: string | undefined, operation: string): (e: unknown) => void {
  return (e) => logger.error("cannot write an answer", e, faultFields(ctx, service, operation));
}

/** Request lines cost nothing when the level drops them. */
export function logsRequests(logger: Logger): boolean {
  return logger.level === "debug" || logger.level === "info";
}
