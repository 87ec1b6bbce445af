// npm run bench -- --restart [--restart-entries 1000000] (or `npx tsx bench/restart.ts --restart-entries N`
// from sources): how long a start with a state directory takes to answer its first request, from a
// snapshot and the journal's tail and from the whole journal, and what requests see while a snapshot
// is written. The journal is made in process (requests invoked as the wire would, journaled the same
// way): 20,000 Fargate tasks, then tag and untag requests up to the number of entries. Each start is
// timed from createApp to the first answered DescribeClusters, in this process (modules already loaded).
import { spawn } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer, request as httpRequest, type Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createApp, type EcsLocal } from "../src/app.js";
import { createLogger } from "../src/log.js";
import type { RequestContext } from "../src/protocol/context.js";
import { defaultSubnetId } from "../src/services/ec2/domain/network.js";
import { Journal } from "../src/state/persist/journal.js";
import { REPO_ROOT } from "../src/paths.js";
import { machine, writeResults } from "./results.js";

const ACCOUNT = "000000000000";
const REGION = "us-east-1";
const TASKS = 20_000;
const BATCH = 2_000;

export interface RestartResult {
  date: string;
  machine: ReturnType<typeof machine>;
  entries: number;
  tasks: number;
  writeSeconds: number;
  snapshot: { bytes: number; ms: number };
  duringSnapshot: { requests: number; p50: number; p99: number; max: number };
  /** The same, while a worker thread built the snapshot (the default with the simulated runtime). */
  duringWorkerSnapshot: { requests: number; p50: number; p99: number; max: number; ms: number };
  withoutSnapshot: { requests: number; p50: number; p99: number; max: number };
  start: { fromSnapshotMs: number; tailEntries: number; fullReplayMs: number; replayedEntries: number };
  /** The command itself (the bundle, when built): spawn to the first answered DescribeClusters, modules loaded included. */
  processStart?: { fromSnapshotMs: number; fullReplayMs: number };
}

const BUNDLE = join(REPO_ROOT, "dist", "bundle", "ecs-local.cjs");

/** `node dist/bundle/ecs-local.cjs --state-dir DIR`: from spawn to the first DescribeClusters answered. */
async function processStart(dir: string): Promise<number> {
  const t0 = performance.now();
  const child = spawn(process.execPath, [BUNDLE, "--state-dir", dir, "--port", "0", "--host", "127.0.0.1", "--log-level", "warn", "--snapshot-every", "0"], { stdio: ["ignore", "pipe", "inherit"] });
  try {
    const port = await new Promise<number>((resolve, reject) => {
      let out = "";
      child.stdout!.on("data", (c) => {
        const m = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec((out += c));
        if (m) resolve(Number(m[1]));
      });
      child.once("exit", (code) => reject(new Error(`the server exited with ${code}`)));
    });
    const res = await fetch(`http://127.0.0.1:${port}/`, { method: "POST", headers: { "content-type": "application/x-amz-json-1.1", "x-amz-target": "AmazonEC2ContainerServiceV20141113.DescribeClusters" }, body: JSON.stringify({ clusters: ["bench"] }) });
    await res.text();
    return Math.round(performance.now() - t0);
  } finally {
    child.kill("SIGKILL");
    await new Promise((r) => child.once("exit", r));
  }
}

const ctx = (): RequestContext => ({ accountId: ACCOUNT, region: REGION, requestId: "bench" }) as RequestContext;

function open(dir: string, lines: string[]): EcsLocal {
  const logger = createLogger({ level: "info", write: (l) => void lines.push(l) });
  return createApp({ config: { stateDir: dir, snapshotEvery: 0, seed: "restart-bench", logLevel: "info" }, logger });
}

async function write(app: EcsLocal, entries: number, log: (s: string) => void): Promise<void> {
  const ecs = app.registry.json.find((s) => s.name === "ecs")!;
  const call = (op: string, input: object): unknown => ecs.invoke(op, input as Record<string, unknown>, ctx());
  await call("CreateCluster", { clusterName: "bench" });
  await call("RegisterTaskDefinition", { family: "w", requiresCompatibilities: ["FARGATE"], networkMode: "awsvpc", cpu: "256", memory: "512", containerDefinitions: [{ name: "c", image: "nginx" }] });
  const net = { awsvpcConfiguration: { subnets: [defaultSubnetId(ACCOUNT, REGION, "us-east-1a"), defaultSubnetId(ACCOUNT, REGION, "us-east-1b")] } };
  let done = 2;
  for (let i = 0; i < TASKS / 10; i++, done++) await call("RunTask", { cluster: "bench", taskDefinition: "w", launchType: "FARGATE", networkConfiguration: net, count: 10 });
  const arn = `arn:aws:ecs:${REGION}:${ACCOUNT}:cluster/bench`;
  while (done < entries) {
    let last: unknown;
    for (let i = 0; i < BATCH && done < entries; i++, done++) {
      last = i % 2 ? call("UntagResource", { resourceArn: arn, tagKeys: ["k"] }) : call("TagResource", { resourceArn: arn, tags: [{ key: "k", value: String(done) }] });
    }
    await last;
    if (done % 100_000 < BATCH) log(`  ${done} entries`);
  }
}

const percentile = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? Math.round(s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] * 10) / 10 : 0;
};

/** 16 clients asking DescribeClusters over HTTP for `ms`; `during` runs once, a third of the way in (until its promise settles). */
async function load(server: Server, ms: number, during?: () => void | Promise<void>): Promise<{ latencies: number[]; window: [number, number] }> {
  const port = (server.address() as { port: number }).port;
  const body = JSON.stringify({ clusters: ["bench"] });
  const one = (): Promise<void> =>
    new Promise((resolve, reject) => {
      const req = httpRequest({ port, method: "POST", path: "/", headers: { "content-type": "application/x-amz-json-1.1", "x-amz-target": "AmazonEC2ContainerServiceV20141113.DescribeClusters", authorization: "AWS4-HMAC-SHA256 Credential=000000000000/20260101/us-east-1/ecs/aws4_request" } }, (res) => {
        res.resume();
        res.on("end", () => resolve());
      });
      req.on("error", reject);
      req.end(body);
    });
  const samples: [number, number][] = [];
  const end = performance.now() + ms;
  let window: [number, number] = [0, 0];
  if (during)
    setTimeout(() => {
      const t0 = performance.now();
      window = [t0, Infinity];
      void Promise.resolve(during()).then(() => (window = [t0, performance.now()]));
    }, ms / 3);
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      while (performance.now() < end) {
        const t0 = performance.now();
        await one();
        samples.push([t0, performance.now()]);
      }
    }),
  );
  // During a snapshot: every request that was in flight while it ran.
  const latencies = during ? samples.filter(([s, e]) => e >= window[0] && s <= window[1]).map(([s, e]) => e - s) : samples.map(([s, e]) => e - s);
  return { latencies, window };
}

async function timedStart(dir: string): Promise<{ ms: number; line: string }> {
  const lines: string[] = [];
  const t0 = performance.now();
  const app = open(dir, lines);
  await app.ready;
  const ecs = app.registry.json.find((s) => s.name === "ecs")!;
  await ecs.invoke("DescribeClusters", { clusters: ["bench"] }, ctx());
  const ms = performance.now() - t0;
  await app.close();
  return { ms, line: lines.find((l) => l.includes("state restored")) ?? "" };
}

const entriesOf = (line: string): number => Number(/entries\W+(\d+)/.exec(line)?.[1] ?? NaN);

export async function runRestart(entries: number, log: (s: string) => void): Promise<RestartResult> {
  const dir = mkdtempSync(join(tmpdir(), "ecs-local-restart-"));
  const full = mkdtempSync(join(tmpdir(), "ecs-local-restart-full-"));
  try {
    log(`writing ${entries} journal entries (${TASKS} tasks) in process`);
    const app = open(dir, []);
    await app.ready;
    const w0 = performance.now();
    await write(app, entries, log);
    const writeSeconds = (performance.now() - w0) / 1000;
    const server = createServer(app.handle).listen(0, "127.0.0.1");
    await new Promise((r) => server.once("listening", r));
    log("requests without a snapshot, then while one is written");
    const quiet = await load(server, 3000);
    let ms = 0;
    const busy = await load(server, 3000, () => {
      const t0 = performance.now();
      if (!app.snapshot()) throw new Error("no snapshot was written");
      ms = performance.now() - t0;
    });
    let workerMs = 0;
    // Another entry, so that the worker has something new to write down.
    await app.registry.json.find((s) => s.name === "ecs")!.invoke("TagResource", { resourceArn: `arn:aws:ecs:${REGION}:${ACCOUNT}:cluster/bench`, tags: [{ key: "w", value: "1" }] }, ctx());
    const inWorker = await load(server, 15000, async () => {
      const t0 = performance.now();
      if (!(await app.snapshotSoon())) throw new Error("the worker wrote no snapshot");
      workerMs = performance.now() - t0;
    });
    server.close();
    await app.close();
    const j = Journal.open(dir);
    const [newest] = j.snapshots();
    const bytes = j.snapshotData(newest.seq)!.byteLength;
    j.close();
    cpSync(dir, full, { recursive: true });
    const jf = Journal.open(full);
    for (const s of jf.snapshots()) jf.dropSnapshot(s.seq);
    jf.close();
    // The command first, killed after its answer (a clean stop would write a snapshot of its own).
    let processed: RestartResult["processStart"];
    if (existsSync(BUNDLE)) {
      log("the command's start from the snapshot, then from the whole journal");
      processed = { fromSnapshotMs: await processStart(dir), fullReplayMs: await processStart(full) };
      const again = Journal.open(full);
      for (const s of again.snapshots()) again.dropSnapshot(s.seq);
      again.close();
    }
    log("start from the snapshot");
    const fromSnapshot = await timedStart(dir);
    log("start from the whole journal");
    const fromJournal = await timedStart(full);
    const stats = (xs: number[]) => ({ requests: xs.length, p50: percentile(xs, 50), p99: percentile(xs, 99), max: percentile(xs, 100) });
    return {
      date: new Date().toISOString(),
      machine: machine(),
      entries,
      tasks: TASKS,
      writeSeconds: Math.round(writeSeconds * 10) / 10,
      snapshot: { bytes, ms: Math.round(ms) },
      duringSnapshot: stats(busy.latencies),
      duringWorkerSnapshot: { ...stats(inWorker.latencies), ms: Math.round(workerMs) },
      withoutSnapshot: stats(quiet.latencies),
      start: { fromSnapshotMs: Math.round(fromSnapshot.ms), tailEntries: entriesOf(fromSnapshot.line), fullReplayMs: Math.round(fromJournal.ms), replayedEntries: entriesOf(fromJournal.line) },
      processStart: processed,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(full, { recursive: true, force: true });
  }
}

export function restartMarkdown(r: RestartResult): string {
  return [
    `# Restart with a state directory (${r.date})`,
    "",
    `${r.entries.toLocaleString("en")} journal entries (${r.tasks.toLocaleString("en")} Fargate tasks, then TagResource/UntagResource), written in process in ${r.writeSeconds} s. Starts are timed in one process (modules loaded) from createApp to the first answered DescribeClusters.`,
    "",
    "| start | first answer (ms) | entries replayed |",
    "|---|--:|--:|",
    `| from the snapshot + tail | ${r.start.fromSnapshotMs} | ${r.start.tailEntries} |`,
    `| from the whole journal | ${r.start.fullReplayMs} | ${r.start.replayedEntries} |`,
    "",
    ...(r.processStart
      ? [`The command (\`node dist/bundle/ecs-local.cjs --state-dir …\`, spawn to the first answered DescribeClusters, module loading included): ${r.processStart.fromSnapshotMs} ms from the snapshot, ${r.processStart.fullReplayMs} ms from the whole journal.`, ""]
      : []),
    `Snapshot: ${(r.snapshot.bytes / 1e6).toFixed(1)} MB, written on the main thread in ${r.snapshot.ms} ms.`,
    "",
    "| DescribeClusters, 16 clients over HTTP | requests | p50 (ms) | p99 (ms) | max (ms) |",
    "|---|--:|--:|--:|--:|",
    `| no snapshot | ${r.withoutSnapshot.requests} | ${r.withoutSnapshot.p50} | ${r.withoutSnapshot.p99} | ${r.withoutSnapshot.max} |`,
    `| in flight while the snapshot was written on the main thread (${r.snapshot.ms} ms) | ${r.duringSnapshot.requests} | ${r.duringSnapshot.p50} | ${r.duringSnapshot.p99} | ${r.duringSnapshot.max} |`,
    `| in flight while a worker thread built and wrote it (${r.duringWorkerSnapshot.ms} ms) | ${r.duringWorkerSnapshot.requests} | ${r.duringWorkerSnapshot.p50} | ${r.duringWorkerSnapshot.p99} | ${r.duringWorkerSnapshot.max} |`,
    "",
    `Machine: ${JSON.stringify(r.machine)}`,
    "",
  ].join("\n");
}

export async function runRestartBench(entries: number, log: (s: string) => void): Promise<void> {
  const r = await runRestart(entries, log);
  const md = restartMarkdown(r);
  const out = writeResults("restart-latest", r, md);
  log(md);
  log(`written: ${out.md}`);
}

if (process.argv[1]?.endsWith("restart.ts") || process.argv[1]?.endsWith("restart.js")) {
  const i = process.argv.indexOf("--restart-entries");
  const entries = i >= 0 ? Number(process.argv[i + 1]) : 1_000_000;
  await runRestartBench(entries, (s) => console.log(s));
}
