// createApp(config) → the request handler with every protocol and service mounted; no listening here.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Express } from "express";
import { randomUUID } from "node:crypto";
import { defaultConfig, type Config, type ConfigOverrides } from "./config.js";
import { systemClock, type Clock } from "./engine/clock.js";
import { Timeline } from "./engine/timeline.js";
import { protocolErrors } from "./protocol/errors.js";
import { handleJson, JsonText, sendJson } from "./protocol/json.js";
import { handleQuery, isQueryRequest } from "./protocol/query.js";
import { isRestXmlRequest } from "./protocol/restXmlRoute.js";
import type { ProtocolOptions } from "./protocol/service.js";
import { createRegistry, type Registry } from "./services/registry.js";
import type { ContainerRuntime } from "./runtime/runtime.js";
import { createLogger, type Logger } from "./log.js";
import { DataPlane } from "./dataplane/index.js";
import type { ContainerDns } from "./dataplane/dns/server.js";
import type { TaskEndpoints } from "./dataplane/taskEndpoints.js";
import type { RegistryPlane } from "./dataplane/registry/plane.js";
import type { RequestContext } from "./protocol/context.js";
import { openState, PersistentClock } from "./state/persist/open.js";
import type { Persistence } from "./state/persist/persistence.js";

export interface AppOptions {
  config?: ConfigOverrides;
  /** Defaults to the wall clock; tests pass a ManualClock and move it. */
  clock?: Clock;
  /** Where request lines and faults go; stderr at `config.logLevel` if given, else "warn", by default. */
  logger?: Logger;
  /** What runs tasks' containers; by default the one `config.runtime` names. */
  runtime?: ContainerRuntime;
}

export interface EcsLocal {
  /** The request handler to serve: API calls straight to the protocol, everything else through Express. */
  handle: (req: IncomingMessage, res: ServerResponse) => void;
  /** The Express app behind every route but the API's, loaded on first use. */
  web(): Promise<Express>;
  config: Config;
  timeline: Timeline;
  /** Every service served, with its backend. */
  registry: Registry;
  /** ECS's backend, the same as registry.backends.ecs: kept for the tests and tools that reach into ECS state. */
  ecs: Registry["backends"]["ecs"];
  logger: Logger;
  /** Forgets every resource of every account and region. */
  reset(): void;
  /** Settles once the configured runtime is loaded and the state directory's journal replayed; serve only after it. */
  ready: Promise<void>;
  /** Operations' code and validators to load ahead of need, a step at a time (src/warmUp.ts runs them). */
  warmSteps(): Iterator<() => Promise<void> | undefined>;
  /** ELBv2 listeners and health checks (src/dataplane). */
  dataplane: DataPlane;
  /** Stops background work; with a container runtime, removes the containers it started (unless kept). */
  close(): Promise<void>;
  /** The task endpoints real containers talk to (with the Docker runtime, once ready). */
  taskEndpoints(): TaskEndpoints | undefined;
  /** ECR's registry under `/v2/`, loaded on first need. */
  registryPlane(): Promise<RegistryPlane>;
  /** With a state directory: writes a snapshot of the state now (false when there is nothing new, or it was refused). */
  snapshot(): boolean;
  /** With a state directory: starts a snapshot as --snapshot-every does (in a worker thread with the simulated runtime); settles with whether it was stored. */
  snapshotSoon(): Promise<boolean>;
  /** The port the server listens on, once known (port 0 picks one): repository URIs, registry pulls and the load balancers served by Host name it. */
  listening(port: number): void;
}

export function createApp(options: AppOptions = {}): EcsLocal {
  let config = defaultConfig(options.config);
  const logger = options.logger ?? createLogger({ level: options.config?.logLevel ?? "warn", format: config.logFormat });
  // With a state directory, ids derive from the seed stored there and the clock is the journal's.
  const opened = config.stateDir !== undefined ? openState(config.stateDir, config.stateSync, config.seed, logger, config.runtime) : undefined;
  if (opened) config = { ...config, seed: opened.seed };
  const clock = options.clock ?? (opened ? new PersistentClock() : systemClock);
  const timeline = new Timeline(clock, clock === systemClock || clock instanceof PersistentClock);
  // Containers resolve Cloud Map names through the data plane's name server (Docker runtime only),
  // loaded only then: it brings node:dgram and node:dns, which every other start would pay for.
  const dns: Promise<ContainerDns | undefined> | undefined =
    config.runtime === "docker" && config.containerDns && !options.runtime
      ? import("./dataplane/dns/server.js").then(
          (m) => {
            const server = new m.ContainerDns(logger);
            server.attach(registry.backends.servicediscovery.registry, (name) => registry.backends.ecs.serviceConnect.resolve(name));
            return server;
          },
          (e: unknown) => void logger.warn("containers keep the engine's default DNS: the name server's code does not load", { error: (e as Error).message }),
        )
      : undefined;
  const registry = createRegistry(config, timeline, { logger, runtime: options.runtime, dnsFor: dns && ((engine) => dns.then((server) => server?.addressFor(engine))) });
  const protocol: ProtocolOptions = {
    defaultAccount: config.accountId,
    defaultRegion: config.region,
    maxBodyBytes: config.maxBodyBytes,
    validateOutput: config.validateOutput,
    logger,
    // Work that fell due runs once per request, whichever service is called, before anyone looks.
    beforeInvoke: () => timeline.runDue(),
    callers: registry.callers,
  };
  const served = registry.all.map((s) => s.signingName);

  const forget = (): void => {
    timeline.clear();
    registry.reset();
  };
  let persistence: Persistence | undefined;
  if (opened && !(clock instanceof PersistentClock)) throw new Error("a state directory needs the server's own clock");
  // ECR's registry (`docker push` and `pull` under /v2/): a data plane loaded, and its registry
  // started, on first need. What it accepts reaches ECR as a PutImage run as a request is, journaled.
  const putImage = async (input: Record<string, unknown>, request: RequestContext): Promise<unknown> => {
    const ecr = registry.json.find((s) => s.name === "ecr")!;
    const loading = ecr.load?.("PutImage");
    if (loading) await loading;
    protocol.beforeInvoke?.();
    const out = await ecr.invoke("PutImage", input, request);
    return out instanceof JsonText ? out.value : out;
  };
  let plane: Promise<RegistryPlane> | undefined;
  const registryPlane = (): Promise<RegistryPlane> =>
    (plane ??= import("./dataplane/registry/plane.js").then((m) => new m.RegistryPlane({ config, logger, ecr: registry.backends.ecr.registry, now: () => timeline.now(), putImage })));

  // Real containers talk to the task endpoints (metadata, credentials, the API): a data plane of its
  // own, which gives the runtime's containers their environment before any task (or replay) starts.
  // Loaded only then: a server that simulates its tasks never loads it (start-up counts every module).
  let endpoints: TaskEndpoints | undefined;
  const runtimeReady =
    config.runtime === "docker"
      ? registry.ready.then(async () => {
          const { TaskEndpoints } = await import("./dataplane/taskEndpoints.js");
          endpoints = new TaskEndpoints({ config, backends: registry.backends, logger, runtime: () => registry.runtime(), now: () => timeline.now(), api: (req, res) => handle(req, res) });
          endpoints.attach(registry.runtime());
          const { attachImageSource } = await import("./dataplane/registry/imageSource.js");
          attachImageSource(registry.runtime(), config, registryPlane);
          await endpoints.start();
        })
      : registry.ready;
  // Replaying the journal runs operations, whose code the services load on first need: all of it
  // first, with persistence's own (recording, replay, snapshots, the snapshot builder), which a
  // start without a state directory never loads.
  const simulated = config.runtime === "simulated";
  const ready = opened
    ? Promise.all([runtimeReady, registry.load(), import("./state/persist/persistence.js"), simulated ? import("./state/persist/snapshotWorker.js") : undefined]).then(([, , { attachPersistence }, worker]) => {
        persistence = attachPersistence({
          opened,
          registry,
          timeline,
          clock: clock as PersistentClock,
          logger,
          resetAll: forget,
          setBeforeInvoke: (fn) => (protocol.beforeInvoke = fn),
          snapshotEvery: config.snapshotEvery,
          // The simulated runtime's state follows from the journal alone: a worker can rebuild it.
          snapshotBuilder: worker?.snapshotBuilder(config.stateDir!, { ...options.config, stateDir: undefined }),
        });
        return persistence.resumed;
      })
    : runtimeReady;
  const dataplane = new DataPlane(config, registry.backends, timeline, logger);
  const reset = (): void => {
    persistence?.reset();
    forget();
    dataplane.reset();
  };

  // No X-Amz-Target: a form (or a request signed for a query service) is the query protocol's;
  // anything else stays with awsJson, which answers it as AWS's JSON services do.
  const dispatch = (req: IncomingMessage, res: ServerResponse): void => {
    if (req.headers["x-amz-target"] === undefined && isQueryRequest(req, registry.jsonSigningNames)) void handleQuery(req, res, registry.query, served, protocol);
    else void handleJson(req, res, registry.json, protocol);
  };

  // S3 (rest-xml) takes any method and path: it loads on its first request, as Express does.
  let restXml: Promise<typeof import("./protocol/restXml.js")> | undefined;
  const dispatchRestXml = (req: IncomingMessage, res: ServerResponse): void => {
    (restXml ??= import("./protocol/restXml.js")).then(
      (m) => m.handleRestXml(req, res, registry.restXml, protocol),
      (e: unknown) => {
        restXml = undefined;
        logger.error("cannot load the rest-xml protocol", e);
        res.writeHead(500).end();
      },
    );
  };

  // Express serves everything but the API, and loads on the first such request (src/web.ts).
  let web: Promise<Express> | undefined;
  const webApp = (): Promise<Express> =>
    (web ??= import("./web.js").then(
      (m) => m.createWebApp({ config, registry, logger, reset, dispatch, dataplane, query: (req, res) => void handleQuery(req, res, registry.query, served, protocol) }),
      (e: unknown) => {
        web = undefined; // a failed load is tried again by the next request
        throw e;
      },
    ));

  // The API's hot path skips Express's router: POST / is all the wire protocols need.
  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    if (dataplane.claims(req.headers.host)) dataplane.handleByHost(req, res);
    else if (isRestXmlRequest(req, registry.restXmlSigningNames)) dispatchRestXml(req, res);
    else if (req.url === "/v2" || req.url!.startsWith("/v2/"))
      registryPlane().then(
        (p) => p.handle(req, res),
        (e: unknown) => {
          plane = undefined;
          logger.error("cannot load the registry", e);
          res.writeHead(500).end();
        },
      );
    else if (req.method === "POST" && (req.url === "/" || req.url!.startsWith("/?"))) dispatch(req, res);
    else
      webApp().then(
        (app) => app(req, res),
        (e: unknown) => {
          logger.error("cannot load the web routes", e);
          sendJson(res, 500, { __type: "ServerException", message: protocolErrors.server().message }, randomUUID(), { "x-amzn-ErrorType": "ServerException" });
        },
      );
  };

  return {
    handle,
    web: webApp,
    config,
    timeline,
    registry,
    ecs: registry.backends.ecs,
    logger,
    reset,
    warmSteps: () => registry.warmSteps(),
    ready,
    dataplane,
    taskEndpoints: () => endpoints,
    snapshot: () => persistence?.snapshot() ?? false,
    snapshotSoon: () => persistence?.snapshotSoon() ?? Promise.resolve(false),
    registryPlane,
    listening: (port) => {
      config.port = port;
      dataplane.servedAt(port);
    },
    // Persistence first: the snapshot written at a clean stop holds the pending timers.
    close: () => {
      const stored = persistence?.close();
      dataplane.close();
      void dns?.then((server) => server?.close());
      timeline.clear();
      return Promise.all([stored, registry.close(), endpoints?.close(), plane?.then((p) => p.close(), () => undefined)]).then(() => undefined);
    },
  };
}
