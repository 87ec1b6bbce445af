// What every service built on the shared dispatch (queryService.ts, jsonService.ts) keeps: its state
// per account and region, the clock, configuration and its own seeded ids, and what an operation
// receives besides its input.
import type { Config } from "../config.js";
import type { Timeline } from "../engine/timeline.js";
import type { RequestContext } from "../protocol/context.js";
import { IdSource } from "../state/ids.js";
import { RegionalStore } from "../state/regional.js";

/** A service's state per account and region, with the clock and configuration. */
export interface ServiceBackend<S> {
  config: Config;
  timeline: Timeline;
  states: RegionalStore<S>;
  /** Ids and random choices of this service, seeded from `--seed` (the state directory's seed) so a replay makes the same ones. */
  ids: IdSource;
}

/** What an operation receives besides its input. */
export interface ServiceContext<S, B extends ServiceBackend<S> = ServiceBackend<S>> {
  state: S;
  backend: B;
  request: RequestContext;
  /** The injected clock in epoch seconds: timestamps are returned in these (JSON numbers, or ISO 8601 in XML). */
  now(): number;
}

export interface BackendOptions {
  /** One store per account for every region (IAM). */
  global?: boolean;
}

export function createServiceBackend<S>(
  config: Config,
  timeline: Timeline,
  name: string,
  createState: (accountId: string, region: string, ids: IdSource) => S,
  options: BackendOptions = {},
): ServiceBackend<S> {
  // Each service draws from its own sequence: one seed, never the same ids as another service's.
  const ids = new IdSource(config.seed === undefined ? undefined : `${config.seed}/${name}`);
  return { config, timeline, ids, states: new RegionalStore((accountId, region) => createState(accountId, region, ids), options.global) };
}

/** The context an operation of `backend` runs in for a request. */
export function serviceContext<S, B extends ServiceBackend<S>>(backend: B, request: RequestContext): ServiceContext<S, B> {
  const clock = backend.timeline.clock;
  return { state: backend.states.get(request.accountId, request.region), backend, request, now: () => clock.now() / 1000 };
}
