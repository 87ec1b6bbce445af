// The package as users get it: `npm pack` (which builds), installed from the tarball into an empty
// project, then its command and its programmatic entry used from there.
import { execFile, spawn } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO_ROOT } from "../../src/paths.js";
import { VERSION } from "../../src/version.js";

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), "ecs-local-pack-"));
const npm = process.platform === "win32" ? "npm.cmd" : "npm";
let tarball = "";

beforeAll(async () => {
  await run(npm, ["pack", "--silent", "--pack-destination", dir], { cwd: REPO_ROOT, timeout: 240_000 });
  tarball = readdirSync(dir).find((f) => f.endsWith(".tgz"))!;
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "consumer", version: "1.0.0", type: "module", private: true }));
  // Install scripts are skipped: better-sqlite3 would be compiled from source again (its prebuilt
  // binaries are not reachable here), minutes spent on its build rather than on our package. The
  // binary `npm ci` built for this repository is what it would have compiled; it is copied in.
  await run(npm, ["install", "--no-audit", "--no-fund", "--prefer-offline", "--ignore-scripts", `./${tarball}`], { cwd: dir, timeout: 240_000 });
  const native = join("node_modules", "better-sqlite3", "build", "Release");
  if (existsSync(join(REPO_ROOT, native))) cpSync(join(REPO_ROOT, native), join(dir, native), { recursive: true });
}, 480_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the packed package", () => {
  it("holds the built code and schemas, not the tests", async () => {
    const { stdout } = await run("tar", ["-tzf", join(dir, tarball)]);
    const files = stdout.split("\n");
    // The code ships bundled (scripts/server-bundle.mjs); of tsc's output only the typings.
    expect(files).toContain("package/dist/bundle/ecs-local.cjs");
    // The launcher's bundle and the V8 code cache prepack made of it (src/launcher.ts).
    expect(files).toContain("package/dist/bundle/command.cjs");
    expect(files).toContain("package/dist/bundle/command.code-cache");
    expect(files).toContain("package/dist/bundle/index.cjs");
    expect(files).toContain("package/dist/bundle/index.js");
    expect(files).toContain("package/dist/src/index.d.ts");
    expect(files).toContain("package/dist/src/server.d.ts");
    expect(files.filter((f) => f.startsWith("package/dist/src/") && !f.endsWith(".d.ts"))).toEqual([]);
    expect(files).toContain("package/schemas/ecs/RunTask.input.json");
    expect(files).toContain("package/dist/validators/ecs/RunTask.input.cjs");
    expect(files).toContain("package/dist/console/index.html");
    expect(files).toContain("package/dist/console/app.js");
    expect(files.some((f) => f.startsWith("package/test/") || f.startsWith("package/dist/test/") || f.startsWith("package/src/"))).toBe(false);
  });

  it("npx ecs-local --version and --help answer and exit 0", async () => {
    const version = await run("npx", ["--no-install", "ecs-local", "--version"], { cwd: dir, timeout: 60_000, env: { ...process.env, NODE_DEBUG: "ecs-local" } });
    expect(version.stdout.trim()).toBe(VERSION);
    // Installed, the command still finds its code cache and V8 takes it (src/launcher.ts).
    expect(version.stderr).toContain("ecs-local: code cache accepted");
    const help = await run("npx", ["--no-install", "ecs-local", "--help"], { cwd: dir, timeout: 60_000 });
    expect(help.stdout).toContain("--log-format");
  }, 120_000);

  it("npx ecs-local serves the API and the console, and stops on SIGTERM", async () => {
    const child = spawn(join(dir, "node_modules/.bin/ecs-local"), ["--port", "0"], { cwd: dir, stdio: ["ignore", "pipe", "pipe"] });
    const endpoint = await new Promise<string>((resolve, reject) => {
      let out = "";
      child.stdout.on("data", (c) => {
        out += c;
        const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
        if (m) resolve(m[1]);
      });
      child.on("exit", (code) => reject(new Error(`exited with ${code}`)));
    });
    const health = (await (await fetch(`${endpoint}/_ecs-local/health`)).json()) as { status: string; version: string };
    expect(health).toMatchObject({ status: "ok", version: VERSION });
    // The console comes built in the package (prepack bundles it), served from where it is installed.
    const page = await fetch(`${endpoint}/_ecs-local/console/`, { headers: { Accept: "text/html" } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("<title>ecs-local console</title>");
    expect((await fetch(`${endpoint}/_ecs-local/console/app.js`)).status).toBe(200);
    const exited = new Promise<number | null>((r) => child.on("exit", (code) => r(code)));
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
  }, 120_000);

  it("import { startServer } from \"ecs-local\" starts a server on a free port", async () => {
    const script = `import { createRequire } from "node:module";
import { startServer } from "ecs-local";
const s = await startServer();
const send = (op, body) => fetch(s.endpoint + "/", { method: "POST", headers: { "Content-Type": "application/x-amz-json-1.1", "X-Amz-Target": "AmazonEC2ContainerServiceV20141113." + op }, body: JSON.stringify(body) });
const r = await send("CreateCluster", { clusterName: "from-package" });
const bad = await send("RunTask", {});
// Validators come precompiled with the package: ajv's compiler is never loaded.
const compiler = Object.keys(createRequire(import.meta.url).cache).some((k) => k.endsWith("/ajv/dist/ajv.js"));
console.log(JSON.stringify({ port: s.port, status: r.status, name: (await r.json()).cluster.clusterName, bad: bad.status, badBody: await bad.json(), compiler }));
await s.stop();`;
    writeFileSync(join(dir, "use.mjs"), script);
    const { stdout } = await run(process.execPath, ["use.mjs"], { cwd: dir, timeout: 60_000 });
    const out = JSON.parse(stdout);
    expect(out.port).toBeGreaterThan(0);
    expect(out).toMatchObject({ status: 200, name: "from-package", bad: 400, compiler: false });
    expect(out.badBody).toEqual({ __type: "ValidationException", message: "1 validation error detected: Value null at 'taskDefinition' failed to satisfy constraint: Member must not be null" });
  }, 120_000);

  it("keeps its state in a state directory, read back by the next start", async () => {
    const script = `import { startServer } from "ecs-local";
const stateDir = process.argv[2];
const send = (s, op, body) => fetch(s.endpoint + "/", { method: "POST", headers: { "Content-Type": "application/x-amz-json-1.1", "X-Amz-Target": "AmazonEC2ContainerServiceV20141113." + op }, body: JSON.stringify(body) }).then((r) => r.json());
const a = await startServer({ stateDir });
await send(a, "CreateCluster", { clusterName: "kept" });
await a.stop();
const b = await startServer({ stateDir });
console.log(JSON.stringify(await send(b, "ListClusters", {})));
await b.stop();`;
    writeFileSync(join(dir, "state.mjs"), script);
    const { stdout } = await run(process.execPath, ["state.mjs", mkdtempSync(join(dir, "state-"))], { cwd: dir, timeout: 60_000 });
    expect(JSON.parse(stdout).clusterArns).toEqual(["arn:aws:ecs:us-east-1:000000000000:cluster/kept"]);
  }, 120_000);
});
