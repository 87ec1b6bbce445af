// The local web console: static files built at build time (dist/console), served under
// /_ecs-local/console/, and a redirect there for a browser that opens the server's root.
// Every action the page takes goes through the ECS API at POST /, never through a route here.
import { existsSync } from "node:fs";
import { join } from "node:path";
import express, { Router, type Request, type Response } from "express";
import type { Config } from "../config.js";
import { REPO_ROOT } from "../paths.js";
import { VERSION } from "../version.js";

export const CONSOLE_PATH = "/_ecs-local/console/";
export const CONSOLE_DIR = join(REPO_ROOT, "dist", "console");

/** Does the request come from a browser that wants a page (and not from an SDK or a script)? */
function wantsPage(req: Request): boolean {
  return (req.headers.accept ?? "").includes("text/html");
}

export function consoleRouter(config: Config): Router {
  const router = Router();
  router.get("/", (req, res, next) => (wantsPage(req) ? res.redirect(302, CONSOLE_PATH) : next()));
  // What the page cannot learn from the API: the account and region a request without a
  // 12-digit access key lands in, so the page opens where the CLI's resources are.
  router.get(`${CONSOLE_PATH}defaults.json`, (_req, res) => {
    res.setHeader("Cache-Control", "no-store");
    res.json({ accountId: config.accountId, region: config.region, version: VERSION });
  });
  // Without the slash, the page's relative asset paths would resolve one level up.
  router.get(CONSOLE_PATH.slice(0, -1), (req, res, next) => (req.path.endsWith("/") ? next() : res.redirect(301, CONSOLE_PATH)));
  router.use(CONSOLE_PATH, (req: Request, res: Response, next) => {
    if (existsSync(join(CONSOLE_DIR, "index.html"))) return next();
    res.status(503).type("text/plain").send("The console is not built: run `npm run build` (npm start does it).\n");
  });
  router.use(CONSOLE_PATH, express.static(CONSOLE_DIR, { index: "index.html", setHeaders: (res) => res.setHeader("Cache-Control", "no-cache") }));
  router.use(CONSOLE_PATH, (_req, res) => {
    res.status(404).type("text/plain").send("No such file in the console.\n");
  });
  return router;
}
