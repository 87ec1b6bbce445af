// The routes that are not the AWS API (health, reset, the console, the query protocol's GET, and
// the 404 for anything else), on Express. Loaded on the first such request, never at start-up:
// Express and its body parsers cost more to load than the rest of a start, and no SDK call needs them.
import type { IncomingMessage, ServerResponse } from "node:http";
import express, { type Express, type NextFunction, type Request, type Response } from "express";
import { randomUUID } from "node:crypto";
import type { Config } from "./config.js";
import type { Logger } from "./log.js";
import { protocolErrors } from "./protocol/errors.js";
import { sendJson, sendJsonError } from "./protocol/json.js";
import type { Registry } from "./services/registry.js";
import { VERSION } from "./version.js";
import { consoleRouter } from "./console/router.js";
import type { DataPlane } from "./dataplane/index.js";
import { listListeners, markTargetHealth } from "./dataplane/trafficRoutes.js";
import { putUtilization } from "./services/application-autoscaling/utilizationEndpoint.js";
import { capacityProvidersView } from "./services/ecs/capacity/view.js";

export interface WebRoutes {
  config: Config;
  registry: Registry;
  logger: Logger;
  reset(): void;
  /** The API's own handler: POST / (kept here for an Express app mounted elsewhere). */
  dispatch(req: IncomingMessage, res: ServerResponse): void;
  /** ELBv2 listeners and health checks (their routes below). */
  dataplane: DataPlane;
  /** The query protocol by GET /?Action=… */
  query(req: IncomingMessage, res: ServerResponse): void;
}

export function createWebApp(r: WebRoutes): Express {
  const app = express();
  app.disable("x-powered-by");
  app.disable("etag");
  app.use((_req, res, next) => {
    res.setHeader("x-amzn-RequestId", randomUUID());
    next();
  });

  app.get("/_ecs-local/health", (_req, res, next) => {
    r.registry.health().then((services) => res.json({ status: "ok", version: VERSION, services }), next);
  });
  app.post("/_ecs-local/reset", (_req, res) => {
    r.reset();
    res.json({ status: "ok" });
  });
  // SDK test suites written for moto's server mode reset state here between tests.
  app.post("/moto-api/reset", (_req, res) => {
    r.reset();
    res.json({ status: "ok" });
  });
  // A service's utilization for target tracking, where the runtime has no load to measure.
  app.put("/_ecs-local/utilization", express.text({ type: () => true, limit: "64kb" }), (req, res, next) => {
    putUtilization(r.config, r.registry.backends.applicationAutoScaling, req.body, res, String(res.getHeader("x-amzn-RequestId"))).catch(next);
  });
  app.get("/_ecs-local/elb/listeners", (_req, res) => listListeners(r.dataplane, res, String(res.getHeader("x-amzn-RequestId"))));
  app.post("/_ecs-local/target-health", express.text({ type: () => true, limit: "64kb" }), (req, res) => {
    markTargetHealth(r.registry.backends, req.body, res, String(res.getHeader("x-amzn-RequestId")));
  });
  // What ECS managed scaling sees of each Auto Scaling group capacity provider: why a task waits.
  app.get("/_ecs-local/capacity-providers", (_req, res) => {
    res.json(capacityProvidersView(r.registry.backends.ecs));
  });
  // The console's task page: the task as its containers see it through the metadata endpoint, and its roles.
  app.get("/_ecs-local/task-metadata", (req, res, next) => {
    const ecs = r.registry.backends.ecs;
    import("./dataplane/consoleView.js")
      .then((m) => m.taskMetadataView({ backends: r.registry.backends, runtime: () => r.registry.runtime(), now: () => ecs.timeline.now() }, String(req.query.task ?? ""), res))
      .catch(next);
  });
  app.post("/", r.dispatch);
  // The query protocol may also come as GET /?Action=…
  app.get("/", (req, res, next) => (String(req.url).includes("Action=") ? r.query(req, res) : next()));
  app.use(consoleRouter(r.config));
  app.use((req: Request, res: Response) => {
    sendJsonError(res, protocolErrors.unknownOperation(`No operation at ${req.method} ${req.path}.`), randomUUID());
  });
  app.use((err: unknown, _req: Request, res: Response, _next: NextFunction) => {
    r.logger.error("unexpected fault", err);
    if (res.headersSent) return res.end();
    sendJson(res, 500, { __type: "ServerException", message: protocolErrors.server().message }, randomUUID(), { "x-amzn-ErrorType": "ServerException" });
  });
  return app;
}
