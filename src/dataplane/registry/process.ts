// The registry behind ECR: Debian's `docker-registry` (the reference Distribution registry) run as
// a child process on a unix socket of its own, its storage in the state directory (so pushed layers
// outlive a restart, as ECR's state does) or in a temporary directory removed at shutdown; or a
// registry already running at a URL, used as it is.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import type { Logger } from "../../log.js";

/** Where the registry answers: a unix socket (the child) or a URL. */
export interface Upstream {
  socketPath?: string;
  url?: URL;
  /** Stops the child and removes what was temporary. */
  close(): Promise<void>;
}

export interface RegistryOptions {
  /** The `--registry` setting: a binary to run, or an http(s) URL. */
  registry: string;
  stateDir?: string;
  logger: Logger;
}

const READY_MS = 15_000;

function config(root: string, socket: string): string {
  // Uploads left half-done are purged by the registry after a week, as it does by default.
  return [
    "version: 0.1",
    "log:",
    "  level: error",
    "  accesslog:",
    "    disabled: true",
    "storage:",
    "  filesystem:",
    `    rootdirectory: ${JSON.stringify(root)}`,
    "  delete:",
    "    enabled: true",
    "http:",
    "  net: unix",
    `  addr: ${JSON.stringify(socket)}`,
    `  secret: ${randomBytes(24).toString("hex")}`,
    "",
  ].join("\n");
}

function onPath(program: string): string | undefined {
  for (const dir of (process.env.PATH ?? "/usr/bin:/bin").split(delimiter)) {
    const file = join(dir, program);
    if (dir && existsSync(file)) return file;
  }
  return undefined;
}

/** Whether the registry at `socketPath` answers its base endpoint. */
function answers(socketPath: string): Promise<boolean> {
  return new Promise((resolve) => {
    const req = request({ socketPath, path: "/v2/", method: "GET", timeout: 1000 }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on("error", () => resolve(false));
    req.on("timeout", () => req.destroy());
    req.end();
  });
}

export async function startRegistry(o: RegistryOptions): Promise<Upstream> {
  if (/^https?:\/\//.test(o.registry)) return { url: new URL(o.registry.replace(/\/+$/, "")), close: async () => {} };
  const program = o.registry.includes("/") ? (existsSync(o.registry) ? o.registry : undefined) : onPath(o.registry);
  if (!program) throw new Error(`cannot run the registry ${o.registry}: no such program`);
  // A short path of its own: unix socket paths are limited to about a hundred bytes.
  const runDir = mkdtempSync(join(tmpdir(), "ecs-local-registry-"));
  const root = o.stateDir !== undefined ? join(o.stateDir, "registry") : join(runDir, "storage");
  mkdirSync(root, { recursive: true });
  const socketPath = join(runDir, "registry.sock");
  const configPath = join(runDir, "config.yml");
  writeFileSync(configPath, config(root, socketPath));
  const cleanup = (): void => rmSync(runDir, { recursive: true, force: true });
  let child: ChildProcess;
  let stderr = "";
  let exited: string | undefined;
  let closing = false;
  let ready = false;
  try {
    // With util-linux's setpriv the registry also stops when ecs-local is killed outright (kill -9).
    const guard = onPath("setpriv");
    child = guard
      ? spawn(guard, ["--pdeathsig", "TERM", "--", program, "serve", configPath], { stdio: ["ignore", "ignore", "pipe"] })
      : spawn(program, ["serve", configPath], { stdio: ["ignore", "ignore", "pipe"] });
  } catch (e) {
    cleanup();
    throw e;
  }
  child.stderr?.on("data", (c: Buffer) => void (stderr = (stderr + c.toString("utf8")).slice(-4000)));
  const spawned = new Promise<void>((resolve, reject) => {
    child.once("spawn", resolve);
    child.once("error", reject);
  });
  child.once("exit", (code, signal) => {
    exited = signal ?? `status ${code}`;
    if (ready && !closing) o.logger.warn(`the registry (${o.registry}) stopped: ${exited}`, { stderr: stderr.trim().slice(-500) });
  });
  const close = async (): Promise<void> => {
    closing = true;
    // A program that could not be started has no process to stop.
    if (exited === undefined && child.pid !== undefined) {
      const gone = new Promise<void>((resolve) => child.once("exit", () => resolve()));
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
      await gone;
      clearTimeout(timer);
    }
    cleanup();
  };
  try {
    await spawned;
    const end = Date.now() + READY_MS;
    while (!(await answers(socketPath))) {
      if (exited !== undefined) throw new Error(`it stopped (${exited}): ${stderr.trim().slice(-500)}`);
      if (Date.now() > end) throw new Error(`it did not answer within ${READY_MS} ms`);
      await new Promise((r) => setTimeout(r, 50));
    }
    ready = true;
  } catch (e) {
    await close();
    throw new Error(`cannot run the registry ${o.registry}: ${(e as Error).message}`);
  }
  return { socketPath, close };
}
