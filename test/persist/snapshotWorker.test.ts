// Snapshots built by a worker thread (the simulated runtime): every --snapshot-every entries the
// server hands the work to a worker that replays the state directory and writes the state down; the
// server goes on answering meanwhile. A start from that snapshot and the tail is the same graph as a
// start from the whole journal.
import { describe, expect, it } from "vitest";
import { createApp, type EcsLocal } from "../../src/app.js";
import { createLogger } from "../../src/log.js";
import { Journal } from "../../src/state/persist/journal.js";
import { stateDirServers } from "../helpers/stateDir.js";
import { tempDir } from "../helpers/tempDir.js";
import { copyDir, expectSame, graph, keepSnapshots } from "./snapshotHarness.js";

const servers = stateDirServers();

async function call(url: string, op: string, body: object): Promise<any> {
  const res = await fetch(url, { method: "POST", headers: { "content-type": "application/x-amz-json-1.1", "x-amz-target": `AmazonEC2ContainerServiceV20141113.${op}` }, body: JSON.stringify(body) });
  return res.json();
}

const snapshots = (dir: string): number[] => {
  const j = Journal.open(dir, "normal", false);
  try {
    return j.snapshots().map((s) => s.seq);
  } finally {
    j.close();
  }
};

async function start(dir: string, lines: string[]): Promise<EcsLocal> {
  const app = createApp({ config: { stateDir: dir, snapshotEvery: 0 }, logger: createLogger({ level: "info", write: (l) => void lines.push(l) }) });
  await app.ready;
  return app;
}

describe("snapshots built off the main thread", () => {
  it("a worker writes the snapshot while the server answers; a start from it equals a full replay", async () => {
    const dir = tempDir("ecs-local-snap-worker-");
    const s = await servers.start(dir, { snapshotEvery: 10, logLevel: "debug" });
    for (let i = 0; i < 12; i++) await call(s.endpoint, "CreateCluster", { clusterName: `c${i}`, tags: [{ key: "n", value: String(i) }] });
    // The worker's snapshot lands in its own time; the server answered all along.
    const deadline = Date.now() + 20_000;
    while (snapshots(dir).length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    const built = snapshots(dir);
    expect(built.length).toBe(1);
    expect(built[0]).toBeGreaterThanOrEqual(10);
    for (let i = 12; i < 15; i++) await call(s.endpoint, "CreateCluster", { clusterName: `c${i}` });
    await s.stop();

    const full = copyDir(dir, "ecs-local-snap-worker-full-");
    const tail = copyDir(dir, "ecs-local-snap-worker-tail-");
    keepSnapshots(full, () => false);
    keepSnapshots(tail, (seq) => seq === built[0]);
    const [fl, tl] = [[] as string[], [] as string[]];
    const a = await start(full, fl);
    const b = await start(tail, tl);
    try {
      expect(tl.find((l) => l.includes("state restored"))).toMatch(new RegExp(`snapshot\\W+${built[0]}\\W`));
      expect(b.ecs.states.get("000000000000", "us-east-1").clusters.size).toBe(15);
      expectSame(graph(a), graph(b));
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  }, 90_000);

  it("a reset while a worker builds makes its snapshot void: nothing from before the reset comes back", async () => {
    const dir = tempDir("ecs-local-snap-worker-reset-");
    const lines: string[] = [];
    const app = await start(dir, lines);
    const ecs = app.registry.json.find((x) => x.name === "ecs")!;
    const request = { accountId: "000000000000", region: "us-east-1", requestId: "r" } as never;
    for (let i = 0; i < 5; i++) await ecs.invoke("CreateCluster", { clusterName: `gone${i}` }, request);
    const building = app.snapshotSoon();
    app.reset();
    await ecs.invoke("CreateCluster", { clusterName: "after" }, request);
    // Not counted as this server's snapshot; whatever the worker read, no snapshot holds what the reset forgot.
    expect(await building).toBe(false);
    await app.close();
    const again = await start(dir, lines);
    try {
      expect([...again.ecs.states.get("000000000000", "us-east-1").clusters.keys()]).toEqual(["after"]);
    } finally {
      await again.close();
    }
  }, 90_000);

  it("the worker keeps its copy: a second snapshot replays only the entries since the first, and a start from it equals a full replay", async () => {
    const dir = tempDir("ecs-local-snap-worker-follow-");
    const lines: string[] = [];
    const app = createApp({ config: { stateDir: dir, snapshotEvery: 0 }, logger: createLogger({ level: "debug", write: (l) => void lines.push(l) }) });
    await app.ready;
    const ecs = app.registry.json.find((x) => x.name === "ecs")!;
    const request = { accountId: "000000000000", region: "us-east-1", requestId: "r" } as never;
    const replayed = () => lines.filter((l) => l.includes("snapshot written") && l.includes("worker=true")).map((l) => Number(/replayed=(\d+)/.exec(l)![1]));
    for (let i = 0; i < 6; i++) await ecs.invoke("CreateCluster", { clusterName: `a${i}` }, request);
    expect(await app.snapshotSoon()).toBe(true);
    for (let i = 0; i < 4; i++) await ecs.invoke("CreateCluster", { clusterName: `b${i}`, tags: [{ key: "n", value: String(i) }] }, request);
    await ecs.invoke("DeleteCluster", { cluster: "a0" }, request);
    expect(await app.snapshotSoon()).toBe(true);
    // The first ran the six entries; the second only the five since (ticks, if any, are entries too).
    const [first, second] = replayed();
    expect(first).toBeGreaterThanOrEqual(6);
    expect(second).toBeGreaterThanOrEqual(5);
    expect(second).toBeLessThan(first + 5);
    // What it worked, its rests while paced left out (pacer.ts): told for each build, and what the next one's wait counts.
    for (const l of lines.filter((x) => x.includes("snapshot written") && x.includes("worker=true"))) expect(Number(/workedMs=(\d+)/.exec(l)?.[1])).toBeGreaterThanOrEqual(0);
    // A reset ends the worker's copy: the next snapshot holds nothing from before it.
    app.reset();
    await ecs.invoke("CreateCluster", { clusterName: "after" }, request);
    expect(await app.snapshotSoon()).toBe(true);
    expect(replayed()[2]).toBeLessThanOrEqual(2);
    await ecs.invoke("CreateCluster", { clusterName: "later" }, request);
    const last = snapshots(dir)[0];
    await app.close();

    const full = copyDir(dir, "ecs-local-snap-worker-follow-full-");
    keepSnapshots(full, () => false);
    keepSnapshots(dir, (seq) => seq === last);
    const [fl, tl] = [[] as string[], [] as string[]];
    const a = await start(full, fl);
    const b = await start(dir, tl);
    try {
      expect(tl.find((l) => l.includes("state restored"))).toMatch(new RegExp(`snapshot\\W+${last}\\W`));
      expect([...b.ecs.states.get("000000000000", "us-east-1").clusters.keys()]).toEqual(["after", "later"]);
      expectSame(graph(a), graph(b));
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  }, 90_000);
});
