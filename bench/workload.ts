// The workload every target gets: the same setup, then the same phases with the same wire requests.
// Requests whose bodies do not depend on an answer are built and signed before the clock starts.
import { randomUUID } from "node:crypto";
import { errorCode, type Driver, type OpOutcome, type Reply } from "./driver.js";
import type { Target } from "./targets.js";
import type { EcsWire, WireRequest } from "./wire.js";

export interface Bench {
  driver: Driver;
  wire: EcsWire;
  target: Target;
  /** EC2 instance ids to register; moto knows only the ones its EC2 launched. */
  instanceIds: string[];
}

export interface Phase {
  name: string;
  /** What one unit of work is; throughput and latency are per unit. */
  unit: string;
  maxOps: number;
  /** Its requests change state (journaled with a state directory): the persistence run measures it too. */
  writes?: boolean;
  /**
   * A unit of several requests whose per-request figures are compared too (a walk of pages against
   * moto's single answer): op pushes each request's latency (ms) here.
   */
  requestLatencies?: number[];
  prepare(b: Bench): Promise<void>;
  op(b: Bench, i: number): Promise<OpOutcome>;
  /** Lets go of what prepare built, once the phase is over. */
  done?(): void;
}

export const CLUSTERS = { instances: "bench-ci", run: "bench-run", list: "bench-list", services: "bench-svc" };
export const TASK_FAMILY = "bench-app";
/** 6 MiB is the least memory ECS lets a container reserve; moto and ecs-local place on it alike. */
export const CONTAINER = { name: "app", image: "public.ecr.aws/docker/library/busybox:latest", memory: 6, essential: true };
/** What moto gives every instance; ecs-local is told the same so both have the same capacity. */
export const INSTANCE_RESOURCES = [
  { name: "CPU", type: "INTEGER", integerValue: 4096 },
  { name: "MEMORY", type: "INTEGER", integerValue: 7482 },
];

export async function call<T = Record<string, unknown>>(b: Bench, operation: string, input: object): Promise<T> {
  const reply = await b.driver.send(b.wire.build(operation, input), true);
  if (reply.status !== 200) throw new Error(`${operation}: ${errorCode(reply)}`);
  return JSON.parse(reply.text!) as T;
}

const FAILURES = Buffer.from('"failures"');
const NO_FAILURES = /^"failures":\s*\[\]/;

/**
 * Whether an answer's `failures` is an empty list, read from the bytes where the member is (found
 * from the end: both servers write it last) rather than from the whole answer decoded: the driver
 * must not spend on a 140 KB DescribeTasks answer what it does not spend on the ceiling's body.
 */
function noFailures(body: Buffer): boolean {
  const at = body.lastIndexOf(FAILURES);
  return at >= 0 && NO_FAILURES.test(body.toString("utf8", at, Math.min(body.length, at + 40)));
}

/** One request: an error is a non-200 answer, or a 200 whose `failures` is not empty when asked. */
async function sendOne(b: Bench, req: WireRequest, checkFailures = false): Promise<OpOutcome> {
  if (checkFailures) {
    const res = await b.driver.pool.send(req.raw);
    if (res.status !== 200) return { requests: 1, error: errorCode({ status: res.status, text: res.body.toString("utf8") }) };
    if (!noFailures(res.body)) {
      const text = res.body.toString("utf8");
      return { requests: 1, error: `failures: ${text.slice(text.indexOf('"failures"'), 200)}` };
    }
    return { requests: 1 };
  }
  const reply: Reply = await b.driver.send(req);
  if (reply.status !== 200) return { requests: 1, error: errorCode(reply) };
  return { requests: 1 };
}

/** An EC2 instance identity document for the n-th instance id (ids repeat; each call registers anew). */
export function instanceDocument(ids: string[], n: number): string {
  const id = ids[n % ids.length];
  return JSON.stringify({ instanceId: id, instanceType: "m5.large", region: "us-east-1", availabilityZone: "us-east-1a", accountId: "000000000000", imageId: "ami-0123456789abcdef0" });
}

export interface SetupReport {
  steps: number;
  errors: Record<string, number>;
  listTaskArns: string[];
}

export interface WorkloadSizes {
  runInstances: number;
  listTasks: number;
}

export const DEFAULT_SIZES: WorkloadSizes = { runInstances: 64, listTasks: 1000 };

/** Clusters, a task definition, instances and a cluster of `listTasks` tasks; not timed. */
export async function setup(b: Bench, sizes: WorkloadSizes): Promise<SetupReport> {
  const report: SetupReport = { steps: 0, errors: {}, listTaskArns: [] };
  const step = async <T>(what: () => Promise<T>): Promise<T | undefined> => {
    report.steps++;
    try {
      return await what();
    } catch (e) {
      const msg = (e as Error).message;
      report.errors[msg] = (report.errors[msg] ?? 0) + 1;
      return undefined;
    }
  };
  for (const name of Object.values(CLUSTERS)) await step(() => call(b, "CreateCluster", { clusterName: name }));
  await step(() => call(b, "RegisterTaskDefinition", { family: TASK_FAMILY, containerDefinitions: [CONTAINER] }));
  const register = (cluster: string, count: number, base: number) =>
    Promise.all(Array.from({ length: count }, (_, i) => step(() => call(b, "RegisterContainerInstance", { cluster, instanceIdentityDocument: instanceDocument(b.instanceIds, base + i), totalResources: INSTANCE_RESOURCES }))));
  await register(CLUSTERS.run, sizes.runInstances, 0);
  await register(CLUSTERS.list, Math.ceil(sizes.listTasks / 1000) * 2, sizes.runInstances);
  await register(CLUSTERS.services, 4, sizes.runInstances + 8);
  for (let done = 0; done < sizes.listTasks; ) {
    const batch = Math.min(16, Math.ceil((sizes.listTasks - done) / 10));
    const results = await Promise.all(
      Array.from({ length: batch }, (_, k) => {
        const count = Math.min(10, sizes.listTasks - done - k * 10);
        return count > 0 ? step(() => call<{ tasks: { taskArn: string }[] }>(b, "RunTask", { taskDefinition: TASK_FAMILY, cluster: CLUSTERS.list, count, clientToken: randomUUID() })) : undefined;
      }),
    );
    done += batch * 10;
    for (const r of results) for (const t of r?.tasks ?? []) report.listTaskArns.push(t.taskArn);
    if (results.every((r) => r === undefined)) break;
  }
  return report;
}

/**
 * Requests built ahead; when a phase needs every request to differ, there is one per unit. Released
 * when the phase is done: kept, every phase's requests stayed in the driver for the rest of the run
 * (a heap of 200–300 MB by the last phases, whose full collections paused the driver for 27–46 ms,
 * counted in the latencies of the requests it had in flight).
 */
function prepared(count: number, make: (i: number) => WireRequest[]): { get(i: number): WireRequest[]; fill(): void; release(): void } {
  let cache: WireRequest[][] = [];
  return {
    fill: () => {
      cache = Array.from({ length: count }, (_, i) => make(i));
    },
    get: (i) => cache[i % count],
    release: () => void (cache = []),
  };
}

export function phases(setupReport: () => SetupReport, sizes: WorkloadSizes, bench: () => Bench): Phase[] {
  const wire = () => bench().wire;
  const rtd = prepared(2048, () => [wire().build("RegisterTaskDefinition", { family: "bench-rtd", containerDefinitions: [CONTAINER] })]);
  const rci = prepared(20_000, (i) => [wire().build("RegisterContainerInstance", { cluster: CLUSTERS.instances, instanceIdentityDocument: instanceDocument(bench().instanceIds, i), totalResources: INSTANCE_RESOURCES })]);
  const run = (count: number, max: number) => prepared(max, () => [wire().build("RunTask", { taskDefinition: TASK_FAMILY, cluster: CLUSTERS.run, count, clientToken: randomUUID() })]);
  const run1 = run(1, 15_000);
  const run10 = run(10, 3_000);
  const describe = prepared(1000, (i) => {
    const arns = setupReport().listTaskArns;
    if (arns.length < 100) throw new Error(`setup left ${arns.length} tasks, DescribeTasks needs 100`);
    const from = (i * 100) % (arns.length - 99);
    return [wire().build("DescribeTasks", { tasks: arns.slice(from, from + 100), cluster: CLUSTERS.list })];
  });
  const service = prepared(5_000, (i) => {
    const name = `bench-svc-${i}-${randomUUID().slice(0, 8)}`;
    const cluster = CLUSTERS.services;
    return [
      wire().build("CreateService", { serviceName: name, cluster, taskDefinition: TASK_FAMILY, desiredCount: 1, launchType: "EC2" }),
      wire().build("DescribeServices", { services: [name], cluster }),
      wire().build("UpdateService", { service: name, cluster, desiredCount: 0 }),
      wire().build("DeleteService", { service: name, cluster }),
    ];
  });
  const fill = (p: { fill(): void }) => async () => p.fill();
  const listPhase: Phase = {
    name: `ListTasks (walk ${sizes.listTasks} tasks)`,
    unit: "walk",
    maxOps: 1_000_000,
    requestLatencies: [],
    prepare: async () => {
      if (setupReport().listTaskArns.length < sizes.listTasks) throw new Error(`setup left ${setupReport().listTaskArns.length} of ${sizes.listTasks} tasks`);
    },
    op: (b) => walkTasks(b, CLUSTERS.list, sizes.listTasks, listPhase.requestLatencies!),
  };
  const single = (p: { get(i: number): WireRequest[] }, checkFailures = false) => (b: Bench, i: number) => sendOne(b, p.get(i)[0], checkFailures);

  return [
    // Every revision stays (ACTIVE) for the rest of the run: capped at about the work the phase did on
    // 2026-12-02 (about 10,000 a second for 6 s), whose peak memory the run is judged against, so
    // that a faster server is not held to a larger store (uncapped, 180,000 revisions at 30,000 a second).
    { name: "RegisterTaskDefinition", unit: "request", maxOps: 60_000, writes: true, prepare: fill(rtd), op: single(rtd), done: rtd.release },
    { name: "RegisterContainerInstance", unit: "request", maxOps: 20_000, writes: true, prepare: fill(rci), op: single(rci), done: rci.release },
    { name: "RunTask (count 1)", unit: "request", maxOps: 15_000, writes: true, prepare: fill(run1), op: single(run1, true), done: run1.release },
    { name: "RunTask (count 10)", unit: "request", maxOps: 3_000, writes: true, prepare: fill(run10), op: single(run10, true), done: run10.release },
    // Kept after the phase: the alternating measure against the ceiling sends them again (1,000 requests).
    { name: "DescribeTasks (100 ARNs)", unit: "request", maxOps: 1_000_000, prepare: fill(describe), op: single(describe, true) },
    listPhase,
    {
      name: "Service create→describe→update→delete",
      unit: "chain of 4",
      maxOps: 5_000,
      writes: true,
      prepare: fill(service),
      done: service.release,
      op: async (b, i) => {
        let requests = 0;
        for (const req of service.get(i)) {
          const out = await sendOne(b, req, req.operation === "DescribeServices");
          requests++;
          if (out.error) return { requests, error: `${req.operation}: ${out.error}` };
        }
        return { requests };
      },
    },
  ];
}

/** Pages through a cluster 100 ARNs at a time; moto answers everything in one page. Each page's latency goes to `latencies`. */
async function walkTasks(b: Bench, cluster: string, expected: number, latencies: number[]): Promise<OpOutcome> {
  let nextToken: string | undefined;
  let seen = 0;
  let requests = 0;
  do {
    const req = b.wire.build("ListTasks", nextToken ? { cluster, nextToken, maxResults: 100 } : { cluster, maxResults: 100 });
    const t0 = performance.now();
    const reply = await b.driver.send(req, true);
    if (reply.status === 200) latencies.push(performance.now() - t0);
    requests++;
    if (reply.status !== 200) return { requests, error: errorCode(reply) };
    const page = JSON.parse(reply.text!) as { taskArns?: string[]; nextToken?: string };
    seen += page.taskArns?.length ?? 0;
    nextToken = page.nextToken;
    if (requests > expected) return { requests, error: "ListTasks never stopped paging" };
  } while (nextToken);
  return seen === expected ? { requests } : { requests, error: `ListTasks walk saw ${seen} tasks, expected ${expected}` };
}
