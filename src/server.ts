// One listening ecs-local: the app on a node:http server with timeouts that keep slow clients from
// holding it, and a stop that lets requests in flight finish. The command and programmatic use share it.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createApp, type EcsLocal } from "./app.js";
import { defaultConfig, type ConfigOverrides } from "./config.js";
import { createLogger, type Logger } from "./log.js";
import { startWarmUp } from "./warmUp.js";

export interface StartServerOptions extends ConfigOverrides {
  /** Where request lines and faults go; by default stderr at `logLevel` (which defaults to "warn" here). */
  logger?: Logger;
}

export interface EcsLocalServer {
  /** `http://host:port`, to hand to an SDK client as `endpoint` or to the CLI as `--endpoint-url`. */
  endpoint: string;
  port: number;
  host: string;
  local: EcsLocal;
  /** The node:http server underneath. */
  http: Server;
  /** Forgets every resource of every account and region (between tests). */
  reset(): void;
  /** Stops accepting, lets requests in flight finish (cut after `shutdownTimeoutMs`), stops every timer. */
  stop(): Promise<void>;
}

/**
 * Starts ecs-local. Programmatic defaults suit a test suite: a free port on 127.0.0.1 and only
 * warnings logged; pass `port`, `logLevel` or any other setting to change them.
 */
export async function startServer(options: StartServerOptions = {}): Promise<EcsLocalServer> {
  const { logger: given, ...overrides } = options;
  const config = defaultConfig({ port: 0, logLevel: "warn", ...overrides });
  const logger = given ?? createLogger({ level: config.logLevel, format: config.logFormat });
  const local = createApp({ config, logger });
  await local.ready;
  const requestTimeout = config.requestTimeoutMs;
  const server: Server = createServer(
    {
      requestTimeout,
      headersTimeout: Math.min(config.headersTimeoutMs, requestTimeout),
      keepAliveTimeout: config.keepAliveTimeoutMs,
      // How often Node looks for connections past their timeouts; its default (30 s) would let a
      // stalled client stay that much longer than promised.
      connectionsCheckingInterval: Math.max(50, Math.min(1000, Math.floor(config.headersTimeoutMs / 4))),
    },
    local.handle,
  );
  server.keepAliveTimeout = config.keepAliveTimeoutMs;

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(config.port, config.host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  server.on("error", (e) => logger.error("server error", e));

  // Operations and validators load on first use; the rest load a second later, while no request waits.
  const warm = startWarmUp(local.warmSteps(), (e) => logger.debug("warm-up step failed", { error: (e as Error).message }));
  server.on("request", warm.touch);

  const port = (server.address() as AddressInfo).port;
  local.listening(port);
  const host = config.host;
  const shown = host.includes(":") ? `[${host}]` : host === "0.0.0.0" ? "127.0.0.1" : host;
  let stopping: Promise<void> | undefined;

  const stop = (): Promise<void> =>
    (stopping ??= new Promise<void>((resolve) => {
      warm.stop();
      const closed = new Promise<void>((done) => server.close(() => done()));
      // Keep-alive connections go as soon as they are idle; busy ones finish their request first.
      server.closeIdleConnections();
      const sweep = setInterval(() => server.closeIdleConnections(), 25);
      const cut = setTimeout(() => server.closeAllConnections(), config.shutdownTimeoutMs);
      // The container runtime removes the containers it started before the stop resolves.
      void closed
        .then(() => {
          clearInterval(sweep);
          clearTimeout(cut);
          return local.close();
        })
        .catch((e) => logger.error("stopping", e))
        .finally(resolve);
    }));

  return { endpoint: `http://${shown}:${port}`, port, host, local, http: server, reset: () => local.reset(), stop };
}
