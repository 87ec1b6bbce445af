// The servers under test, each its own process on a free loopback port: ecs-local, moto_server,
// and the bare node:http ceiling. Start-up is timed from spawn to the first answered ECS request;
// memory is read from /proc (VmHWM is the peak resident set, VmRSS the current one).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync, realpathSync } from "node:fs";
import { createServer } from "node:net";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Http1Pool } from "./http1.js";
import { Signer } from "./sigv4.js";
import { EcsWire, type UserAgent } from "./wire.js";

export type TargetKind = "ecs-local" | "moto" | "ceiling";

export const HOST = "127.0.0.1";
export const REGION = "us-east-1";
export const CREDENTIALS = { accessKeyId: "AKIDBENCHMARK", secretAccessKey: "bench-secret" };

export interface Target {
  kind: TargetKind;
  origin: string;
  host: string;
  pid: number;
  startupMs: number;
  resetPath?: string;
  stderrTail(): string;
  stop(): Promise<void>;
}

const here = dirname(fileURLToPath(import.meta.url));
/** The repository root, from dist/bench (compiled) or bench/ (run through tsx). */
export const ROOT = existsSync(join(here, "..", "package.json")) ? join(here, "..") : join(here, "..", "..");

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.on("error", reject);
    srv.listen(0, HOST, () => {
      const addr = srv.address();
      const port = typeof addr === "object" && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

function onPath(cmd: string): string | undefined {
  for (const dir of (process.env.PATH ?? "").split(":")) {
    const p = join(dir, cmd);
    if (dir && existsSync(p)) return p;
  }
  return undefined;
}

/** moto_server's real script: a pyenv shim would add the shim's own start-up to moto's figure. */
export function motoCommand(): string | undefined {
  const found = onPath("moto_server");
  if (!found) return undefined;
  if (found.includes("/shims/")) {
    const r = spawnSync("pyenv", ["which", "moto_server"], { encoding: "utf8" });
    if (r.status === 0 && r.stdout.trim()) return r.stdout.trim();
  }
  return realpathSync(found);
}

export function memoryOf(pid: number): { rssMb: number; peakRssMb: number } {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = (key: string): number => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? NaN);
    return { rssMb: Math.round(kb("VmRSS") / 102.4) / 10, peakRssMb: Math.round(kb("VmHWM") / 102.4) / 10 };
  } catch {
    return { rssMb: NaN, peakRssMb: NaN };
  }
}

/** Seconds of CPU (user + system) the process has used so far. */
export function cpuSecondsOf(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return NaN;
  }
}

async function firstAnswer(origin: string, host: string, agent: UserAgent, child: ChildProcess, timeoutMs: number): Promise<void> {
  const wire = new EcsWire(new Signer(CREDENTIALS), REGION, host, agent);
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`exited with code ${child.exitCode} before answering`);
    try {
      const url = new URL(origin);
      const pool = new Http1Pool(url.hostname, Number(url.port), 1);
      try {
        await pool.send(wire.build("ListClusters", {}).raw);
        return;
      } finally {
        pool.close();
      }
    } catch {
      if (performance.now() > deadline) throw new Error(`no answer within ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 2));
    }
  }
}

let binOverride: string | undefined;

/** `--bin PATH`: measure another build of the command (an A/B pair of builds on the same machine). */
export function useBin(path: string | undefined): void {
  binOverride = path;
}

/** What `npx ecs-local` runs: the package's bin (the bundle `npm run build` makes), so the bench measures what ships. */
function command(): string {
  if (binOverride) return binOverride;
  const { bin } = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { bin: Record<string, string> };
  return bin["ecs-local"];
}

function commandFor(kind: TargetKind, port: number, extraArgs: string[], serverArgs: string[]): { cmd: string; args: string[]; resetPath?: string } {
  // Only warnings are logged: a line per request would measure the log, not the server.
  if (kind === "ecs-local") return { cmd: process.execPath, args: [...extraArgs, join(ROOT, command()), "--port", String(port), "--host", HOST, "--log-level", "warn", ...serverArgs], resetPath: "/_ecs-local/reset" };
  if (kind === "ceiling") return { cmd: process.execPath, args: [join(here, "ceiling.js"), String(port), HOST, ...extraArgs] };
  const moto = motoCommand();
  if (!moto) throw new Error("moto_server is not on PATH");
  return { cmd: moto, args: ["-H", HOST, "-p", String(port)], resetPath: "/moto-api/reset" };
}

/** extraArgs: node flags before ecs-local's entry point, or the ceiling's body size; serverArgs: ecs-local's own flags. */
export async function launch(kind: TargetKind, agent: UserAgent, extraArgs: string[] = [], serverArgs: string[] = []): Promise<Target> {
  const port = await freePort();
  const { cmd, args, resetPath } = commandFor(kind, port, extraArgs, serverArgs);
  const started = performance.now();
  const child = spawn(cmd, args, { stdio: ["ignore", "ignore", "pipe"], env: process.env });
  let stderr = "";
  child.stderr!.on("data", (c: Buffer) => {
    stderr = (stderr + c.toString()).slice(-4000);
  });
  const origin = `http://${HOST}:${port}`;
  const host = `${HOST}:${port}`;
  try {
    await firstAnswer(origin, host, agent, child, 30_000);
  } catch (e) {
    child.kill("SIGKILL");
    throw new Error(`${kind} did not start: ${(e as Error).message}\n${stderr}`);
  }
  const startupMs = Math.round((performance.now() - started) * 10) / 10;
  return {
    kind,
    origin,
    host,
    pid: child.pid!,
    startupMs,
    resetPath,
    stderrTail: () => stderr,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        const kill = setTimeout(() => child.kill("SIGKILL"), 3000);
        child.once("exit", () => {
          clearTimeout(kill);
          resolve();
        });
        child.kill("SIGTERM");
      }),
  };
}
