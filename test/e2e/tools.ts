// What the end-to-end tests drive the server with: the real `aws` CLI and boto3, when this machine
// has them, run with credentials and a region of their own and no user configuration read.
import { execFile, spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { fileURLToPath } from "node:url";
import { createInterface } from "node:readline";
import { promisify } from "node:util";

export const run = promisify(execFile);

async function works(cmd: string, args: string[]): Promise<boolean> {
  try {
    await run(cmd, args);
    return true;
  } catch {
    return false;
  }
}

export const cliPresent = await works("aws", ["--version"]);
export const botoPresent = await works("python3", ["-c", "import boto3"]);

/** The environment of a CLI or boto3 process: the access key names the account (12 digits), or the default. */
export function clientEnv(accessKey = "AKIDEXAMPLE"): NodeJS.ProcessEnv {
  return {
    ...process.env,
    AWS_ACCESS_KEY_ID: accessKey,
    AWS_SECRET_ACCESS_KEY: "secret",
    AWS_DEFAULT_REGION: "us-east-1",
    AWS_CONFIG_FILE: "/nonexistent",
    AWS_SHARED_CREDENTIALS_FILE: "/nonexistent",
  };
}

/** What a CLI command printed; a failed one rejects with this and its exit `code`, as execFile's error does. */
export interface CliResult {
  stdout: string;
  stderr: string;
}

export interface CliError extends Error, CliResult {
  code: number;
}

interface Pending {
  resolve(r: { status: number; stdout: string; stderr: string }): void;
  reject(e: Error): void;
}

const WORKER = fileURLToPath(new URL("./awsWorker.py", import.meta.url));
const inProcess = await works("python3", ["-c", "import awscli.clidriver"]);
let worker: { child: ChildProcessWithoutNullStreams; queue: Pending[] } | undefined;

/** One Python process running the real aws CLI command after command (awsWorker.py), for this test file. */
function cliWorker(): NonNullable<typeof worker> {
  if (worker) return worker;
  const child = spawn("python3", [WORKER], { stdio: ["pipe", "pipe", "pipe"] });
  const w = { child, queue: [] as Pending[] };
  createInterface({ input: child.stdout }).on("line", (line) => w.queue.shift()?.resolve(JSON.parse(line)));
  child.on("exit", () => {
    if (worker === w) worker = undefined;
    for (const p of w.queue.splice(0)) p.reject(new Error("the aws CLI worker exited"));
  });
  // A test file's process ends with its tests: the worker must not keep it alive.
  child.unref();
  (child.stdin as unknown as { unref?(): void }).unref?.();
  (child.stdout as unknown as { unref?(): void }).unref?.();
  (child.stderr as unknown as { unref?(): void }).unref?.();
  worker = w;
  return w;
}

/**
 * Runs `aws <args>` with `env` (the real CLI: its argument parsing, request building, signing,
 * waiters and output formatting), resolving with what it printed or rejecting like execFile when it
 * exits non-zero. Commands run one after another in one Python process (awsWorker.py) where awscli
 * imports, else each in a process of its own.
 */
export async function awsCli(args: string[], opts: { env?: NodeJS.ProcessEnv; timeout?: number } = {}): Promise<CliResult> {
  const env = opts.env ?? clientEnv();
  if (!inProcess) return run("aws", args, { env, timeout: opts.timeout });
  const w = cliWorker();
  const answer = new Promise<{ status: number; stdout: string; stderr: string }>((resolve, reject) => {
    w.queue.push({ resolve, reject });
    w.child.stdin.write(JSON.stringify({ args, env }) + "\n");
  });
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    if (opts.timeout) timer = setTimeout(() => (w.child.kill(), reject(new Error(`aws ${args.join(" ")} took more than ${opts.timeout} ms`))), opts.timeout);
  });
  try {
    const r = await Promise.race([answer, limit]);
    if (r.status === 0) return { stdout: r.stdout, stderr: r.stderr };
    throw Object.assign(new Error(`aws ${args.join(" ")} exited with ${r.status}: ${r.stderr}`), { code: r.status, stdout: r.stdout, stderr: r.stderr }) as CliError;
  } finally {
    clearTimeout(timer);
  }
}
