// The Docker runtime against a fake engine on a unix socket that speaks the few Engine API calls
// involved, so an engine can go away and come back, or stay silent, without touching a real one.
import { createServer, type Server, type ServerResponse } from "node:http";
import { rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { DockerRuntime, HOST_ATTRIBUTE } from "../../src/runtime/docker/docker.js";
import { Engine } from "../../src/runtime/docker/engine.js";
import type { TaskEvents, TaskRun } from "../../src/runtime/runtime.js";
import { silentLogger } from "../../src/log.js";
import { until } from "../helpers/docker.js";

/** Answers _ping, holds /events open, has no images and cannot pull any. */
class FakeEngine {
  server?: Server;
  streams: ServerResponse[] = [];
  eventRequests = 0;
  readonly path = join(tmpdir(), `ecs-local-fake-engine-${process.pid}-${Math.random().toString(16).slice(2)}.sock`);
  get endpoint(): string {
    return `unix://${this.path}`;
  }
  async up(): Promise<void> {
    rmSync(this.path, { force: true });
    this.server = createServer((req, res) => {
      const url = req.url ?? "";
      if (url.endsWith("/_ping")) return void res.end("OK");
      if (url.includes("/events")) {
        this.eventRequests++;
        res.writeHead(200, { "Content-Type": "application/json" });
        res.flushHeaders();
        this.streams.push(res);
        return;
      }
      if (/\/images\/[^/]+\/json$/.test(url)) return void res.writeHead(404, { "Content-Type": "application/json" }).end(JSON.stringify({ message: "No such image: nope:1" }));
      if (url.includes("/images/create")) return void res.writeHead(404, { "Content-Type": "application/json" }).end(JSON.stringify({ message: "pull access denied for nope, repository does not exist or may require 'docker login'" }));
      res.writeHead(500, { "Content-Type": "application/json" }).end(JSON.stringify({ message: `fake engine: ${req.method} ${url} not implemented` }));
    });
    await new Promise<void>((resolve) => this.server!.listen(this.path, resolve));
  }
  /** The engine goes away: open streams end, the socket stops answering. */
  async down(): Promise<void> {
    for (const s of this.streams.splice(0)) s.end();
    const server = this.server;
    this.server = undefined;
    if (server) {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
    rmSync(this.path, { force: true });
  }
}

const engines: FakeEngine[] = [];
const runtimes: DockerRuntime[] = [];
afterEach(async () => {
  for (const r of runtimes.splice(0)) await r.close();
  for (const e of engines.splice(0)) await e.down();
});

async function fakeEngine(): Promise<FakeEngine> {
  const e = new FakeEngine();
  engines.push(e);
  await e.up();
  return e;
}

function run(endpoint: string): TaskRun {
  return {
    accountId: "000000000000",
    region: "us-east-1",
    clusterName: "c",
    service: false,
    task: { taskArn: "arn:aws:ecs:us-east-1:000000000000:task/c/0123456789abcdef0123456789abcdef", lastStatus: "PENDING", desiredStatus: "RUNNING" },
    td: { family: "app", revision: 1, networkMode: "bridge", containerDefinitions: [{ name: "web", image: "nope:1", memory: 32, essential: true }] },
    instance: { containerInstanceArn: "arn:aws:ecs:us-east-1:000000000000:container-instance/c/1", attributes: [{ name: HOST_ATTRIBUTE, value: endpoint }] },
  };
}

function recorder(): { events: TaskEvents; failures: string[] } {
  const failures: string[] = [];
  return {
    failures,
    events: { started: () => {}, changed: () => {}, failed: (code, reason) => void failures.push(`${code}: ${reason}`), stopped: () => {} },
  };
}

describe("Docker runtime with a fake engine", () => {
  it("fails a task whose image cannot be pulled with CannotPullContainerError", async () => {
    const e = await fakeEngine();
    const runtime = new DockerRuntime({ keepContainers: true, logs: { openStream: () => undefined, append: () => {}, lastTimestamp: () => undefined }, logger: silentLogger });
    runtimes.push(runtime);
    const rec = recorder();
    runtime.start(run(e.endpoint), rec.events);
    const [failure] = await until("the task fails", async () => (rec.failures.length ? rec.failures : undefined), 10_000, 20);
    expect(failure).toBe("TaskFailedToStart: CannotPullContainerError: Error response from daemon: pull access denied for nope, repository does not exist or may require 'docker login'");
  });

  it("reports an engine lost when its event stream ends, and back once it answers again", async () => {
    const e = await fakeEngine();
    const runtime = new DockerRuntime({ keepContainers: true, logs: { openStream: () => undefined, append: () => {}, lastTimestamp: () => undefined }, logger: silentLogger });
    runtimes.push(runtime);
    const seen: [string, boolean][] = [];
    runtime.onEngine = (endpoint, up) => void seen.push([endpoint, up]);
    runtime.start(run(e.endpoint), recorder().events);
    await until("the event stream opens", async () => (e.eventRequests === 1 ? true : undefined), 10_000, 20);
    expect(seen).toEqual([]);

    await e.down();
    await until("the engine is reported lost", async () => (seen.length ? true : undefined), 10_000, 20);
    expect(seen).toEqual([[e.endpoint, false]]);

    // While it is gone nothing comes back; once it listens again the runtime reconnects by itself.
    await new Promise((r) => setTimeout(r, 300));
    expect(seen).toHaveLength(1);
    await e.up();
    await until("the engine is reported back", async () => (seen.length === 2 ? true : undefined), 15_000, 50);
    expect(seen).toEqual([
      [e.endpoint, false],
      [e.endpoint, true],
    ]);
    // It listens to the engine's events again.
    expect(e.eventRequests).toBe(2);
  });

  it("keeps an idle event stream open past 5 s of silence and reads what comes after", async () => {
    const e = await fakeEngine();
    const engine = new Engine(e.endpoint);
    const chunks: string[] = [];
    const stream = await engine.stream("GET", "/events", (c) => void chunks.push(c.toString("utf8")));
    let ended = false;
    void stream.done.then(() => (ended = true));
    // Node's global agent closes a socket after 5 s without traffic; the engine is often silent longer.
    await new Promise((r) => setTimeout(r, 5_600));
    expect(ended).toBe(false);
    e.streams[0].write(`${JSON.stringify({ Type: "container", Action: "die", Actor: { ID: "abc" } })}\n`);
    await until("the event arrives", async () => (chunks.length ? true : undefined), 5_000, 20);
    expect(JSON.parse(chunks.join(""))).toMatchObject({ Action: "die" });
    expect(ended).toBe(false);
    stream.close();
    engine.destroy();
  }, 20_000);
});
