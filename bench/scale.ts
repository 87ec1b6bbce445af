// npm run bench -- --scale: one cluster filled to 100,000 tasks. At 1,000 and at the full size it
// measures memory, the latency of DescribeTasks(100) (of tasks described before, and of tasks never
// described), of a ListTasks page (the first and one from the middle), of an EC2 RunTask
// (placement), and the CPU the server burns while nobody calls.
import { randomUUID } from "node:crypto";
import { defaultSubnetId } from "../src/services/ec2/domain/network.js";
import { Driver, errorCode, percentile, round, runLoad } from "./driver.js";
import { syntheticInstances } from "./motoEc2.js";
import { writeResults } from "./results.js";
import { Signer } from "./sigv4.js";
import { CREDENTIALS, cpuSecondsOf, launch, memoryOf, REGION } from "./targets.js";
import { EcsWire, type UserAgent } from "./wire.js";
import { call, CONTAINER, INSTANCE_RESOURCES, instanceDocument, TASK_FAMILY, type Bench } from "./workload.js";

const CLUSTER = "bench-scale";
/** A cluster measured once and thrown away before the real checkpoints: the server's code is then compiled and its warm-up done at both sizes alike. */
const WARM_CLUSTER = "bench-scale-warm-up";
const FARGATE_FAMILY = "bench-scale-fargate";
// ECS refuses subnets EC2 does not know: the default subnet of the default account, whose id is fixed.
const NETWORK = { awsvpcConfiguration: { subnets: [defaultSubnetId("000000000000", REGION, `${REGION}a`)], assignPublicIp: "DISABLED" } };
const SAMPLES = 200;

interface Latency {
  p50Ms: number;
  p99Ms: number;
  errors: number;
  firstError?: string;
}

interface Checkpoint {
  tasks: number;
  rssMb: number;
  peakRssMb: number;
  idleCpuPercent: number;
  /** 100 tasks the server has described before (its cache of encoded tasks holds them), the same number of distinct tasks at every size. */
  describeTasksRepeat: Latency;
  /** 100 tasks described for the first time (encoded afresh), each task once. */
  describeTasksFirst: Latency & { samples: number };
  listTasksFirstPage: Latency;
  listTasksMiddlePage: Latency;
  runTaskEc2: Latency;
  /** RunTask (FARGATE, count 10) throughput while filling the last stretch up to this size. */
  fillTasksPerSec?: number;
}

async function sample(b: Bench, n: number, build: (i: number) => object, operation: string): Promise<Latency> {
  const times: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  for (let i = 0; i < n; i++) {
    const req = b.wire.build(operation, build(i));
    const t0 = performance.now();
    const r = await b.driver.send(req);
    const dt = performance.now() - t0;
    if (r.status === 200) times.push(dt);
    else {
      errors++;
      firstError ??= errorCode(r);
    }
  }
  times.sort((x, y) => x - y);
  return { p50Ms: round(percentile(times, 50), 3), p99Ms: round(percentile(times, 99), 3), errors, firstError };
}

/** The nextToken that starts the page in the middle of the cluster's listing. */
async function middleToken(b: Bench, cluster: string, total: number): Promise<string | undefined> {
  let token: string | undefined;
  for (let seen = 0; seen < total / 2; seen += 100) {
    const page = await call<{ nextToken?: string }>(b, "ListTasks", token ? { cluster, nextToken: token, maxResults: 100 } : { cluster, maxResults: 100 });
    token = page.nextToken;
    if (!token) break;
  }
  return token;
}

/** Distinct windows of 100 tasks spread evenly over `arns` (as many as fit, up to `n`). */
function windows(arns: string[], n: number): string[][] {
  const count = Math.min(n, Math.floor(arns.length / 100));
  const stride = count ? Math.floor(arns.length / count) : 0;
  return Array.from({ length: count }, (_, i) => arns.slice(i * stride, i * stride + 100));
}

/**
 * DescribeTasks(100) the same way at every size. A task's JSON is encoded the first time it is
 * described and kept once it is asked for again (up to 10,000 tasks), so a comparison is fair only
 * between describes in the same state: the first of each task (the tasks added since the last
 * checkpoint, each window once), and repeats of one set of 1,000 tasks spread over the whole store
 * (each window described twice before the clock starts, so that its bytes are kept).
 */
async function describeSamples(b: Bench, cluster: string, arns: string[], fresh: string[]): Promise<Pick<Checkpoint, "describeTasksRepeat" | "describeTasksFirst">> {
  const first = windows(fresh, SAMPLES);
  const describeTasksFirst = { ...(await sample(b, first.length, (i) => ({ tasks: first[i], cluster }), "DescribeTasks")), samples: first.length };
  const repeat = windows(arns, 10);
  for (let pass = 0; pass < 2; pass++) for (const w of repeat) await call(b, "DescribeTasks", { tasks: w, cluster });
  const describeTasksRepeat = await sample(b, SAMPLES, (i) => ({ tasks: repeat[i % repeat.length], cluster }), "DescribeTasks");
  return { describeTasksRepeat, describeTasksFirst };
}

async function checkpoint(b: Bench, cluster: string, arns: string[], fresh: string[]): Promise<Checkpoint> {
  const cpu0 = cpuSecondsOf(b.target.pid);
  await new Promise((r) => setTimeout(r, 3000));
  const idleCpuPercent = round(((cpuSecondsOf(b.target.pid) - cpu0) / 3) * 100, 2);
  const described = await describeSamples(b, cluster, arns, fresh);
  const listTasksFirstPage = await sample(b, SAMPLES, () => ({ cluster, maxResults: 100 }), "ListTasks");
  let listTasksMiddlePage: Latency = { p50Ms: NaN, p99Ms: NaN, errors: 1, firstError: "no middle page" };
  try {
    const token = await middleToken(b, cluster, arns.length);
    if (token) listTasksMiddlePage = await sample(b, SAMPLES, () => ({ cluster, nextToken: token, maxResults: 100 }), "ListTasks");
  } catch (e) {
    listTasksMiddlePage.firstError = (e as Error).message;
  }
  const runTaskEc2 = await sample(b, 50, () => ({ taskDefinition: TASK_FAMILY, cluster, count: 1, launchType: "EC2", clientToken: randomUUID() }), "RunTask");
  const mem = memoryOf(b.target.pid);
  return { tasks: arns.length, rssMb: mem.rssMb, peakRssMb: mem.peakRssMb, idleCpuPercent, ...described, listTasksFirstPage, listTasksMiddlePage, runTaskEc2 };
}

/**
 * Waits (at most a minute) for a second in which the server used no CPU: after a start it loads and
 * compiles what the first requests did not need while nobody calls (README, round six), which would
 * otherwise fall into the first checkpoint's idle window and measures. Returns how long it waited.
 */
async function settled(b: Bench): Promise<number> {
  const t0 = performance.now();
  let last = cpuSecondsOf(b.target.pid);
  while (performance.now() - t0 < 60_000) {
    await new Promise((r) => setTimeout(r, 1000));
    const now = cpuSecondsOf(b.target.pid);
    if (now - last === 0) break;
    last = now;
  }
  return Math.round(performance.now() - t0);
}

/** Adds Fargate tasks, ten a request, until the cluster holds `upTo` of them. */
async function fill(b: Bench, cluster: string, concurrency: number, arns: string[], upTo: number): Promise<{ perSec: number; errors: Record<string, number> }> {
  const need = Math.ceil((upTo - arns.length) / 10);
  const reqs = Array.from({ length: need }, () => b.wire.build("RunTask", { taskDefinition: FARGATE_FAMILY, cluster, count: 10, launchType: "FARGATE", networkConfiguration: NETWORK, clientToken: randomUUID() }));
  const before = arns.length;
  const r = await runLoad({
    concurrency,
    durationMs: 600_000,
    maxOps: need,
    op: async (i) => {
      const reply = await b.driver.send(reqs[i], true);
      if (reply.status !== 200) return { requests: 1, error: errorCode(reply) };
      const out = JSON.parse(reply.text!) as { tasks?: { taskArn: string }[] };
      for (const t of out.tasks ?? []) arns.push(t.taskArn);
      return { requests: 1 };
    },
  });
  return { perSec: round((arns.length - before) / (r.elapsedMs / 1000), 0), errors: r.errorSamples };
}

export async function runScale(opts: { concurrency: number; tasks: number }, agent: UserAgent, log: (s: string) => void): Promise<void> {
  const target = await launch("ecs-local", agent);
  const driver = new Driver(target.origin, opts.concurrency);
  const b: Bench = { driver, wire: new EcsWire(new Signer(CREDENTIALS), REGION, target.host, agent), target, instanceIds: syntheticInstances(2) };
  const arns: string[] = [];
  const points: Checkpoint[] = [];
  const errors: Record<string, number> = {};
  try {
    log(`scale: server idle after ${await settled(b)} ms`);
    await call(b, "CreateCluster", { clusterName: CLUSTER });
    await call(b, "RegisterTaskDefinition", { family: TASK_FAMILY, containerDefinitions: [CONTAINER] });
    await call(b, "RegisterTaskDefinition", { family: FARGATE_FAMILY, containerDefinitions: [{ name: "app", image: CONTAINER.image, essential: true }], networkMode: "awsvpc", requiresCompatibilities: ["FARGATE"], cpu: "256", memory: "512" });
    await call(b, "RegisterContainerInstance", { cluster: CLUSTER, instanceIdentityDocument: instanceDocument(b.instanceIds, 0), totalResources: INSTANCE_RESOURCES });
    await call(b, "CreateCluster", { clusterName: WARM_CLUSTER });
    await call(b, "RegisterContainerInstance", { cluster: WARM_CLUSTER, instanceIdentityDocument: instanceDocument(b.instanceIds, 1), totalResources: INSTANCE_RESOURCES });
    const warm: string[] = [];
    await fill(b, WARM_CLUSTER, opts.concurrency, warm, 1000);
    await checkpoint(b, WARM_CLUSTER, warm, warm);
    for (const size of [1000, opts.tasks]) {
      const t0 = performance.now();
      const before = arns.length;
      const f = await fill(b, CLUSTER, opts.concurrency, arns, size);
      Object.assign(errors, f.errors);
      log(`scale: ${arns.length} tasks (${f.perSec} tasks/s while filling, ${Math.round(performance.now() - t0)} ms)`);
      if (arns.length < size) break;
      const point = await checkpoint(b, CLUSTER, arns, arns.slice(before));
      point.fillTasksPerSec = f.perSec;
      points.push(point);
      log(`scale: at ${point.tasks}: ${JSON.stringify(point)}`);
    }
  } catch (e) {
    errors[(e as Error).message] = 1;
    log(`scale: ${(e as Error).message}`);
  } finally {
    await driver.close();
    await target.stop();
  }
  const result = { date: new Date().toISOString(), startupMs: target.startupMs, points, errors };
  const md = scaleMarkdown(result.date, points, errors);
  writeResults("scale-latest", result, md);
  process.stdout.write(md);
}

function scaleMarkdown(date: string, points: Checkpoint[], errors: Record<string, number>): string {
  const [a, z] = points;
  const lines = [`Scale run of ${date}: one cluster, Fargate tasks added ten per RunTask, after the same measures on a warm-up cluster of 1,000 tasks (thrown away); latencies at concurrency 1, ${SAMPLES} samples.`, ""];
  lines.push(`| Measure | at ${a?.tasks ?? "–"} tasks | at ${z?.tasks ?? "–"} tasks | ratio | target |`, "|---|--:|--:|--:|---|");
  const row = (name: string, get: (p: Checkpoint) => number, target: string) => {
    const x = a ? get(a) : NaN;
    const y = z ? get(z) : NaN;
    lines.push(`| ${name} | ${Number.isFinite(x) ? x : "–"} | ${Number.isFinite(y) ? y : "–"} | ${Number.isFinite(x) && Number.isFinite(y) && x > 0 ? `${round(y / x, 2)}×` : "–"} | ${target} |`);
  };
  row("RSS MB", (p) => p.rssMb, "< 400 MB at 100,000");
  row("peak RSS MB", (p) => p.peakRssMb, "< 400 MB at 100,000");
  row("DescribeTasks(100) of tasks described before, p50 ms", (p) => p.describeTasksRepeat.p50Ms, "≤ 1.5×");
  row("DescribeTasks(100) of tasks described before, p99 ms", (p) => p.describeTasksRepeat.p99Ms, "≤ 1.5×");
  row(`DescribeTasks(100) of tasks never described, p50 ms (${a?.describeTasksFirst.samples ?? "–"} and ${z?.describeTasksFirst.samples ?? "–"} samples)`, (p) => p.describeTasksFirst.p50Ms, "≤ 1.5×");
  row("ListTasks first page p50 ms", (p) => p.listTasksFirstPage.p50Ms, "≤ 1.5×");
  row("ListTasks middle page p50 ms", (p) => p.listTasksMiddlePage.p50Ms, "≤ 1.5×");
  row("ListTasks middle page p99 ms", (p) => p.listTasksMiddlePage.p99Ms, "≤ 1.5×");
  row("RunTask EC2 count 1 p50 ms", (p) => p.runTaskEc2.p50Ms, "placement cost ∝ instances, not tasks");
  row("idle CPU % (3 s, nobody calling)", (p) => p.idleCpuPercent, "≈ 0, not ∝ tasks");
  row("fill rate, tasks/s (RunTask ×10, Fargate)", (p) => p.fillTasksPerSec ?? NaN, "flat");
  const errs = [...Object.entries(errors), ...points.flatMap((p) => [p.describeTasksRepeat, p.describeTasksFirst, p.listTasksFirstPage, p.listTasksMiddlePage, p.runTaskEc2].filter((l) => l.firstError).map((l) => [`${l.firstError}`, l.errors] as [string, number]))];
  if (errs.length) lines.push("", "Errors:", ...errs.map(([k, n]) => `- ${n}× ${k.slice(0, 240)}`));
  return lines.join("\n") + "\n";
}
