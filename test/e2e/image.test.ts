// The container image: built from the Dockerfile on a base made from this machine's node (no
// registry serves node images here) with this clone's installed packages vendored (no npm fetch), run, answering its health endpoint and serving the console as
// a non-root user, healthy by its own HEALTHCHECK, stopped cleanly by `docker stop`. Needs a Docker engine (DOCKER_HOST, or
// the default socket); without one the test is reported skipped with the reason.
import { execFile, spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { productionPackages } from "../../scripts/image-packages.mjs";
import { REPO_ROOT } from "../../src/paths.js";
import { VERSION } from "../../src/version.js";

const run = promisify(execFile);
const IMAGE = "ecs-local:test";

function engineMissing(): string | undefined {
  const r = spawnSync("docker", ["version", "--format", "{{.Server.Version}}"], { encoding: "utf8", timeout: 15_000 });
  if (r.error) return `no docker command (${(r.error as NodeJS.ErrnoException).code})`;
  if (r.status !== 0) return `no Docker engine answers at ${process.env.DOCKER_HOST ?? "the default socket"}: ${r.stderr.trim().split("\n").pop()}`;
  return undefined;
}

const missing = engineMissing();
if (missing) console.warn(`SKIPPED the container image test: ${missing}`);
const docker = (args: string[], timeout = 60_000) => run("docker", args, { cwd: REPO_ROOT, timeout, maxBuffer: 16 * 1024 * 1024 });
let container = "";

let vendored = false;
const productionCount = () => productionPackages(JSON.parse(readFileSync(join(REPO_ROOT, "package-lock.json"), "utf8"))).length;

afterAll(async () => {
  if (container) await docker(["rm", "-f", container]).catch(() => undefined);
  // A vendor/ this test made goes; one that was there before is the user's.
  if (vendored) rmSync(join(REPO_ROOT, "vendor"), { recursive: true, force: true });
});

describe("the container image", () => {
  it.skipIf(missing !== undefined)(`builds, runs as non-root, serves the console, is healthy and stops on docker stop${missing ? ` — SKIPPED: ${missing}` : ""}`, async () => {
    const base = (await run(join(REPO_ROOT, "scripts/node-base-image.sh"), [], { timeout: 180_000 })).stdout.trim();
    // As README's offline build: the installed packages put in vendor/, so the build fetches nothing
    // (a registry slow to answer had made this test take minutes).
    if (!existsSync(join(REPO_ROOT, "vendor"))) vendored = true;
    await run(process.execPath, [join(REPO_ROOT, "scripts/image-vendor.mjs")], { cwd: REPO_ROOT, timeout: 120_000 });
    await docker(["build", "-q", "--build-arg", `BASE_IMAGE=${base}`, "-t", IMAGE, "."], 400_000);
    // What the build stage took and from where, as the image keeps it (a cached step prints nothing).
    const info = JSON.parse((await docker(["run", "--rm", "--entrypoint", "node", IMAGE, "-p", "require('fs').readFileSync('build-info.json', 'utf8')"])).stdout) as Record<string, string>;
    expect(info).toEqual({ dependencies: `${productionCount()} packages from the build context's vendor/`, esbuild: expect.stringMatching(/^esbuild@[\d.]+ from the build context's vendor\/tools\/$/) });
    // The build stage made the command's code cache, and the runtime stage's V8 takes it (src/launcher.ts).
    const version = await docker(["run", "--rm", "-e", "NODE_DEBUG=ecs-local", IMAGE, "node", "dist/bundle/ecs-local.cjs", "--version"]);
    expect(version.stderr).toContain("ecs-local: code cache accepted");

    container = (await docker(["run", "-d", "-p", "127.0.0.1::4566", "--health-interval", "1s", "--health-start-period", "1s", IMAGE])).stdout.trim();
    const port = (await docker(["port", container, "4566/tcp"])).stdout.trim().split("\n")[0].split(":").pop();
    const until = Date.now() + 60_000;
    let health: { status?: string; version?: string } = {};
    while (Date.now() < until) {
      try {
        // The port is published before the server inside listens; a request then may hang, hence the limit.
        health = (await (await fetch(`http://127.0.0.1:${port}/_ecs-local/health`, { signal: AbortSignal.timeout(2_000) })).json()) as typeof health;
        break;
      } catch {
        await new Promise((r) => setTimeout(r, 250));
      }
    }
    expect(health).toMatchObject({ status: "ok", version: VERSION });

    // The console is bundled in the build stage: the page and its script are served from the image.
    const page = await fetch(`http://127.0.0.1:${port}/_ecs-local/console/`, { headers: { Accept: "text/html" }, signal: AbortSignal.timeout(10_000) });
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toMatch(/^text\/html/);
    const html = await page.text();
    expect(html).toContain("<title>ecs-local console</title>");
    expect(html).toContain('src="app.js"');
    const script = await fetch(`http://127.0.0.1:${port}/_ecs-local/console/app.js`, { signal: AbortSignal.timeout(10_000) });
    expect(script.status).toBe(200);
    expect(script.headers.get("content-type")).toMatch(/javascript/);
    expect((await script.text()).length).toBeGreaterThan(1000);

    const inspect = async (format: string) => (await docker(["inspect", "-f", format, container])).stdout.trim();
    expect(await inspect("{{.Config.User}}")).toBe("1000:1000");
    expect(await inspect("{{json .Config.Volumes}}")).toContain('"/data"');
    let status = "";
    while (Date.now() < until && (status = await inspect("{{.State.Health.Status}}")) !== "healthy") await new Promise((r) => setTimeout(r, 500));
    expect(status).toBe("healthy");

    await docker(["stop", "-t", "20", container], 60_000);
    expect(await inspect("{{.State.ExitCode}}")).toBe("0");
    expect((await docker(["logs", container])).stderr).toContain("SIGTERM");
  }, 600_000);
});
