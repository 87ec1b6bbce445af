// npm run bench -- --scale: one cluster filled to 100,000 tasks. At 1,000 and at the full size it
// measures memory, the latency of DescribeTasks(100), of a ListTasks page (the first and one from
// the middle), of an EC2 RunTask (placement), and the CPU the server burns while nobody calls.
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
  describeTasks100: Latency;
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
async function middleToken(b: Bench, total: number): Promise<string | undefined> {
  let token: string | undefined;
  for (let seen = 0; seen < total / 2; seen += 100) {
    const page = await call<{ nextToken?: string }>(b, "ListTasks", token ? { cluster: CLUSTER, nextToken: token, maxResults: 100 } : { cluster: CLUSTER, maxResults: 100 });
    token = page.nextToken;
    if (!token) break;
  }
  return token;
}

async function checkpoint(b: Bench, arns: string[]): Promise<Checkpoint> {
  const cpu0 = cpuSecondsOf(b.target.pid);
  await new Promise((r) => setTimeout(r, 3000));
  const idleCpuPercent = round(((cpuSecondsOf(b.target.pid) - cpu0) / 3) * 100, 2);
  const window = (i: number) => {
    const from = Math.floor(((i * 7919) % Math.max(1, arns.length - 100)));
    return arns.slice(from, from + 100);
  };
  const describeTasks100 = await sample(b, SAMPLES, (i) => ({ tasks: window(i), cluster: CLUSTER }), "DescribeTasks");
  const listTasksFirstPage = await sample(b, SAMPLES, () => ({ cluster: CLUSTER, maxResults: 100 }), "ListTasks");
  let listTasksMiddlePage: Latency = { p50Ms: NaN, p99Ms: NaN, errors: 1, firstError: "no middle page" };
  try {
    const token = await middleToken(b, arns.length);
    if (token) listTasksMiddlePage = await sample(b, SAMPLES, () => ({ cluster: CLUSTER, nextToken: token, maxResults: 100 }), "ListTasks");
  } catch (e) {
    listTasksMiddlePage.firstError = (e as Error).message;
  }
  const runTaskEc2 = await sample(b, 50, () => ({ taskDefinition: TASK_FAMILY, cluster: CLUSTER, count: 1, launchType: "EC2", clientToken: randomUUID() }), "RunTask");
  const mem = memoryOf(b.target.pid);
  return { tasks: arns.length, rssMb: mem.rssMb, peakRssMb: mem.peakRssMb, idleCpuPercent, describeTasks100, listTasksFirstPage, listTasksMiddlePage, runTaskEc2 };
}

/** Adds Fargate tasks, ten a request, until the cluster holds `upTo` of them. */
async function fill(b: Bench, concurrency: number, arns: string[], upTo: number): Promise<{ perSec: number; errors: Record<string, number> }> {
  const need = Math.ceil((upTo - arns.length) / 10);
  const reqs = Array.from({ length: need }, () => b.wire.build("RunTask", { taskDefinition: FARGATE_FAMILY, cluster: CLUSTER, count: 10, launchType: "FARGATE", networkConfiguration: NETWORK, clientToken: randomUUID() }));
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
  const b: Bench = { driver, wire: new EcsWire(new Signer(CREDENTIALS), REGION, target.host, agent), target, instanceIds: syntheticInstances(1) };
  const arns: string[] = [];
  const points: Checkpoint[] = [];
  const errors: Record<string, number> = {};
  try {
    await call(b, "CreateCluster", { clusterName: CLUSTER });
    await call(b, "RegisterTaskDefinition", { family: TASK_FAMILY, containerDefinitions: [CONTAINER] });
    await call(b, "RegisterTaskDefinition", { family: FARGATE_FAMILY, containerDefinitions: [{ name: "app", image: CONTAINER.image, essential: true }], networkMode: "awsvpc", requiresCompatibilities: ["FARGATE"], cpu: "256", memory: "512" });
    await call(b, "RegisterContainerInstance", { cluster: CLUSTER, instanceIdentityDocument: instanceDocument(b.instanceIds, 0), totalResources: INSTANCE_RESOURCES });
    for (const size of [1000, opts.tasks]) {
      const t0 = performance.now();
      const f = await fill(b, opts.concurrency, arns, size);
      Object.assign(errors, f.errors);
      log(`scale: ${arns.length} tasks (${f.perSec} tasks/s while filling, ${Math.round(performance.now() - t0)} ms)`);
      if (arns.length < size) break;
      const point = await checkpoint(b, arns);
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
  const lines = [`Scale run of ${date}: one cluster, Fargate tasks added ten per RunTask; latencies at concurrency 1, ${SAMPLES} samples.`, ""];
  lines.push(`| Measure | at ${a?.tasks ?? "–"} tasks | at ${z?.tasks ?? "–"} tasks | ratio | target |`, "|---|--:|--:|--:|---|");
  const row = (name: string, get: (p: Checkpoint) => number, target: string) => {
    const x = a ? get(a) : NaN;
    const y = z ? get(z) : NaN;
    lines.push(`| ${name} | ${Number.isFinite(x) ? x : "–"} | ${Number.isFinite(y) ? y : "–"} | ${Number.isFinite(x) && Number.isFinite(y) && x > 0 ? `${round(y / x, 2)}×` : "–"} | ${target} |`);
  };
  row("RSS MB", (p) => p.rssMb, "< 400 MB at 100,000");
  row("peak RSS MB", (p) => p.peakRssMb, "< 400 MB at 100,000");
  row("DescribeTasks(100) p50 ms", (p) => p.describeTasks100.p50Ms, "≤ 1.5×");
  row("DescribeTasks(100) p99 ms", (p) => p.describeTasks100.p99Ms, "≤ 1.5×");
  row("ListTasks first page p50 ms", (p) => p.listTasksFirstPage.p50Ms, "≤ 1.5×");
  row("ListTasks middle page p50 ms", (p) => p.listTasksMiddlePage.p50Ms, "≤ 1.5×");
  row("ListTasks middle page p99 ms", (p) => p.listTasksMiddlePage.p99Ms, "≤ 1.5×");
  row("RunTask EC2 count 1 p50 ms", (p) => p.runTaskEc2.p50Ms, "placement cost ∝ instances, not tasks");
  row("idle CPU % (3 s, nobody calling)", (p) => p.idleCpuPercent, "≈ 0, not ∝ tasks");
  row("fill rate, tasks/s (RunTask ×10, Fargate; the first 1,000 include JIT warm-up)", (p) => p.fillTasksPerSec ?? NaN, "flat");
  const errs = [...Object.entries(errors), ...points.flatMap((p) => [p.describeTasks100, p.listTasksFirstPage, p.listTasksMiddlePage, p.runTaskEc2].filter((l) => l.firstError).map((l) => [`${l.firstError}`, l.errors] as [string, number]))];
  if (errs.length) lines.push("", "Errors:", ...errs.map(([k, n]) => `- ${n}× ${k.slice(0, 240)}`));
  return lines.join("\n") + "\n";
}
