#!/usr/bin/env node
// The ecs-local command: read configuration, listen, print where, and shut down cleanly on a signal.
// First: V8 gives a function the budget in force when the function is made (src/jitTiering.ts).
import "./jitTiering.js";
import { inSnapshotWorker } from "./state/persist/snapshotThread.js";
import { ConfigError, helpText, parseCommandLine } from "./config.js";
import { createLogger } from "./log.js";
import type { EcsLocalServer } from "./server.js";
import { VERSION } from "./version.js";

async function main(): Promise<void> {
  let command;
  try {
    command = parseCommandLine(process.env, process.argv.slice(2));
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    process.stderr.write(`ecs-local: ${e.message}\n`);
    process.exit(e.exitCode);
  }
  if (command.kind === "help") return void process.stdout.write(helpText());
  if (command.kind === "version") return void process.stdout.write(`${VERSION}\n`);

  const { config } = command;
  const logger = createLogger({ level: config.logLevel, format: config.logFormat });
  // Signals are handled from the start: one that arrives while the server is still starting waits
  // for the start, then stops it, instead of killing the process by default.
  let server: EcsLocalServer | undefined;
  let starting: Promise<unknown> = Promise.resolve();
  let signals = 0;
  const shutdown = (signal: NodeJS.Signals): void => {
    if (++signals > 1) {
      // A second signal means now: requests still in flight are cut.
      logger.warn(`${signal} again: stopping now`);
      server?.local.close();
      process.exit(0);
    }
    logger.info(`${signal}: finishing requests in flight, then stopping`, { timeoutMs: config.shutdownTimeoutMs });
    void starting.then(async () => {
      await server?.stop();
      logger.info("stopped");
      process.exit(0);
    });
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);

  try {
    // Loaded only now: --help and --version answer without loading the server.
    const pending = import("./server.js").then((m) => m.startServer({ ...config, logger }));
    starting = pending.catch(() => undefined);
    server = await pending;
  } catch (e) {
    // A state directory that cannot be used as it is: the message names the file.
    if ((e as Error).name === "StateDirError") {
      process.stderr.write(`ecs-local: ${(e as Error).message}\n`);
      process.exit(1);
    }
    process.stderr.write(`ecs-local: cannot listen on ${config.host}:${config.port}: ${(e as Error).message}\n`);
    process.exit(1);
  }
  if (signals > 0) return;
  process.stdout.write(
    `ecs-local ${VERSION} listening on ${server.endpoint} (account ${config.accountId}, region ${config.region}); ` +
      `point the CLI at it with: aws --endpoint-url ${server.endpoint} ecs list-clusters\n`,
  );
}

// A snapshot builder runs this file too (the bundle): it loads the builder, which does its work, and
// starts no server (src/state/persist/snapshotWorker.ts).
if (inSnapshotWorker) void import("./state/persist/snapshotWorker.js");
else void main();
