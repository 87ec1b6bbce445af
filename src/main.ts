// The server: read configuration, build the app, listen, shut down cleanly on a signal.
import { createServer } from "node:http";
import { createApp } from "./app.js";
import { loadConfig } from "./config.js";

function main(): void {
  let config;
  try {
    config = loadConfig();
  } catch (e) {
    process.stderr.write(`ecs-local: ${(e as Error).message}\n`);
    process.exit(2);
  }
  const local = createApp({ config });
  const server = createServer(local.handle);
  server.listen(config.port, config.host, () => {
    const addr = server.address();
    const port = typeof addr === "object" && addr ? addr.port : config.port;
    process.stdout.write(`ecs-local listening on http://${config.host}:${port} (account ${config.accountId}, region ${config.region})\n`);
    // Validators compile on first use; the rest are compiled a moment later, one per turn of the
    // event loop, so that start-up and the first requests never wait behind them.
    setTimeout(() => local.warm(), 1000).unref();
  });
  server.keepAliveTimeout = 65_000;
  server.on("error", (e) => {
    process.stderr.write(`ecs-local: ${e.message}\n`);
    process.exit(1);
  });
  const stop = (): void => {
    // Containers ecs-local started are removed before it exits (a few seconds at most).
    void local.close().finally(() => server.close(() => process.exit(0)));
    setTimeout(() => process.exit(0), 10_000).unref();
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main();
