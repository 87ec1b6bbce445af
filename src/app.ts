// createApp(config) → the Express app with every protocol and service mounted; no listening here.
import type { IncomingMessage, ServerResponse } from "node:http";
import express, { type Express, type NextFunction, type Request, type Response } from "express";
import { randomUUID } from "node:crypto";
import { defaultConfig, type Config } from "./config.js";
import { systemClock, type Clock } from "./engine/clock.js";
import { Timeline } from "./engine/timeline.js";
import { protocolErrors } from "./protocol/errors.js";
import { handleJson, sendJson, sendJsonError, type JsonProtocolOptions } from "./protocol/json.js";
import type { EcsBackend } from "./services/ecs/context.js";
import { OPERATIONS } from "./services/ecs/generated/operations.js";
import { handlers } from "./services/ecs/operations/index.js";
import { createEcsBackend, ecsJsonService } from "./services/ecs/service.js";
import { VERSION } from "./version.js";
import { createLogger, type Logger } from "./log.js";

export interface AppOptions {
  config?: Partial<Config>;
  /** Defaults to the wall clock; tests pass a ManualClock and move it. */
  clock?: Clock;
  /** Where request lines and faults go; stderr at `config.logLevel` if given, else "warn", by default. */
  logger?: Logger;
}

export interface EcsLocal {
  /** The request handler to serve: API calls straight to the protocol, everything else through Express. */
  handle: (req: IncomingMessage, res: ServerResponse) => void;
  app: Express;
  config: Config;
  timeline: Timeline;
  ecs: EcsBackend;
  logger: Logger;
  /** Forgets every resource of every account and region. */
  reset(): void;
  close(): void;
}

export function createApp(options: AppOptions = {}): EcsLocal {
  const config = defaultConfig(options.config);
  const clock = options.clock ?? systemClock;
  const timeline = new Timeline(clock, clock === systemClock);
  const ecs = createEcsBackend(config, timeline);
  const services = [ecsJsonService(ecs)];
  const logger = options.logger ?? createLogger({ level: options.config?.logLevel ?? "warn", format: config.logFormat });
  const log = (line: string): void => logger.error(line);
  const jsonOptions: JsonProtocolOptions = { defaultAccount: config.accountId, defaultRegion: config.region, maxBodyBytes: config.maxBodyBytes, validateOutput: config.validateOutput, log };

  const reset = (): void => {
    timeline.clear();
    ecs.states.reset();
    ecs.taskJson.clear();
  };

  const app = express();
  app.disable("x-powered-by");
  app.disable("etag");
  app.use((_req, res, next) => {
    res.setHeader("x-amzn-RequestId", randomUUID());
    next();
  });

  app.get("/_ecs-local/health", (_req, res) => {
    const supported = OPERATIONS.filter((op) => handlers[op] !== null).length;
    res.json({ status: "ok", version: VERSION, services: { ecs: { operations: OPERATIONS.length, supported } } });
  });
  app.post("/_ecs-local/reset", (_req, res) => {
    reset();
    res.json({ status: "ok" });
  });
  // SDK test suites written for moto's server mode reset state here between tests.
  app.post("/moto-api/reset", (_req, res) => {
    reset();
    res.json({ status: "ok" });
  });
  app.post("/", (req, res) => {
    logger.debug(`${req.headers["x-amz-target"] ?? "-"}`);
    void handleJson(req, res, services, jsonOptions);
  });
  app.use((req: Request, res: Response) => {
    sendJsonError(res, protocolErrors.unknownOperation(`No operation at ${req.method} ${req.path}.`), randomUUID());
  });
  app.use((err: unknown, _req: Request, res: Response, _next: NextFunction) => {
    logger.error("unexpected fault", err);
    if (res.headersSent) return res.end();
    sendJson(res, 500, { __type: "ServerException", message: protocolErrors.server().message }, randomUUID(), { "x-amzn-ErrorType": "ServerException" });
  });

  // The API's hot path skips Express's router: POST / is all the wire protocol needs.
  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    if (req.method === "POST" && (req.url === "/" || req.url!.startsWith("/?"))) {
      logger.debug(`${req.headers["x-amz-target"] ?? "-"}`);
      void handleJson(req, res, services, jsonOptions);
    } else app(req, res);
  };

  return { handle, app, config, timeline, ecs, logger, reset, close: () => timeline.clear() };
}
