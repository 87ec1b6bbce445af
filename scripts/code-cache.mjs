// The command's V8 code cache (src/launcher.ts): made after the bundle (`npm run build`, prepack) by
// starting the command once, answering one ListClusters, and stopping it; the start writes down
// what it compiled as it exits. Then a second start says whether V8 takes it (NODE_DEBUG=ecs-local):
// a cache V8 refuses (another Node, V8 flags in NODE_OPTIONS) is removed, with a warning, and the
// command compiles its bundle as it would without one.
import { spawn } from "node:child_process";
import { existsSync, renameSync, rmSync } from "node:fs";
import { request } from "node:http";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

/** The environment of the starts: none of the user's ecs-local settings (a state directory above all). */
function cleanEnv(extra) {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("ECS_LOCAL_") && k !== "NODE_DEBUG"));
  return { ...env, ...extra };
}

function run(command, args, env, onLine) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [command, ...args], { env, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (c) => {
      out += c;
      onLine?.(out, child);
    });
    child.stderr.on("data", (c) => (err += c));
    const limit = setTimeout(() => child.kill("SIGKILL"), 30_000);
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      clearTimeout(limit);
      resolve({ code, signal, out, err });
    });
  });
}

function listClusters(origin) {
  return new Promise((resolve, reject) => {
    const headers = { "Content-Type": "application/x-amz-json-1.1", "X-Amz-Target": "AmazonEC2ContainerServiceV20141113.ListClusters" };
    const req = request(`${origin}/`, { method: "POST", headers }, (res) => {
      res.resume();
      res.on("end", () => (res.statusCode === 200 ? resolve() : reject(new Error(`ListClusters answered ${res.statusCode}`))));
    });
    req.on("error", reject);
    req.end("{}");
  });
}

/** Makes `bundleDir`'s cache; the names come from the sources as JavaScript (`sourcesDir`). Its path, or undefined when V8 does not take it. */
export async function makeCodeCache(bundleDir, sourcesDir) {
  const { CODE_CACHE_FILE, WRITE_CODE_CACHE } = await import(pathToFileURL(join(sourcesDir, "codeCache.js")).href);
  const command = join(bundleDir, "ecs-local.cjs");
  const cache = join(bundleDir, CODE_CACHE_FILE);
  const fresh = `${cache}.new`;
  rmSync(cache, { force: true });
  let asked;
  const made = await run(command, ["--port", "0", "--host", "127.0.0.1", "--log-level", "warn"], cleanEnv({ [WRITE_CODE_CACHE]: fresh }), (out, child) => {
    const origin = /listening on (http:\/\/[^\s]+)/.exec(out)?.[1];
    if (!origin || asked) return;
    asked = listClusters(origin).finally(() => child.kill("SIGTERM"));
  });
  await asked;
  if (made.code !== 0 || !existsSync(fresh)) throw new Error(`code-cache: the start that makes the cache ended with ${made.code ?? made.signal}, no cache written\n${made.err}`);
  renameSync(fresh, cache);
  const check = await run(command, ["--version"], cleanEnv({ NODE_DEBUG: "ecs-local" }));
  if (/code cache accepted/.test(check.err)) return cache;
  rmSync(cache, { force: true });
  process.stderr.write(`code-cache: V8 does not take the cache it made (${check.err.trim() || "no answer"}); the command compiles its bundle at every start\n`);
  return undefined;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  // node scripts/code-cache.mjs [bundle dir] [sources dir]   (defaults dist/bundle and dist/src; prepack: dist/js)
  const root = join(fileURLToPath(new URL(".", import.meta.url)), "..");
  const bundleDir = process.argv[2] ? join(process.cwd(), process.argv[2]) : join(root, "dist", "bundle");
  const sourcesDir = process.argv[3] ? join(process.cwd(), process.argv[3]) : join(root, "dist", "src");
  const made = await makeCodeCache(bundleDir, sourcesDir);
  if (made) process.stdout.write(`code-cache: ${made}\n`);
}
