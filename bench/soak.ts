// npm run bench -- --soak [--soak-seconds 600] [--concurrency 16]
// Holds ecs-local under 16 concurrent clients for ten minutes of create-and-forget work (Fargate
// tasks run and stopped, services created and deleted) and samples its resident memory. With
// retentions of a minute, what is stopped or deleted is forgotten while the run goes on, so memory
// should level off: the report gives RSS at the start and end, and samples in between.
import { errorCode, runLoad, type OpOutcome } from "./driver.js";
import { Driver } from "./driver.js";
import { writeResults } from "./results.js";
import { Signer } from "./sigv4.js";
import { CREDENTIALS, launch, memoryOf, REGION } from "./targets.js";
import { EcsWire, type UserAgent } from "./wire.js";
import { defaultSubnetId } from "../src/services/ec2/domain/network.js";

export interface SoakOptions {
  concurrency: number;
  durationMs: number;
  /** How long stopped tasks and deleted services stay; short, so forgetting happens within the run. */
  retentionMs: number;
}

interface Sample {
  atS: number;
  rssMb: number;
  ops: number;
}

const CLUSTER = "soak";
// ECS refuses subnets EC2 does not know: the default subnet of the default account, whose id is fixed.
const NETWORK = { awsvpcConfiguration: { subnets: [defaultSubnetId("000000000000", REGION, `${REGION}a`)] } };

export async function runSoak(opts: SoakOptions, agent: UserAgent, log: (line: string) => void): Promise<void> {
  const retention = String(opts.retentionMs);
  const target = await launch("ecs-local", agent, [], ["--stopped-task-retention-ms", retention, "--inactive-service-retention-ms", retention]);
  const driver = new Driver(target.origin, opts.concurrency);
  const wire = new EcsWire(new Signer(CREDENTIALS), REGION, target.host, agent);
  const call = async (op: string, input: object): Promise<Record<string, any>> => {
    const r = await driver.send(wire.build(op, input), true);
    if (r.status !== 200) throw new Error(`${op}: ${errorCode(r)}`);
    return JSON.parse(r.text!) as Record<string, any>;
  };
  try {
    await call("CreateCluster", { clusterName: CLUSTER });
    await call("RegisterTaskDefinition", { family: "soak", requiresCompatibilities: ["FARGATE"], networkMode: "awsvpc", cpu: "256", memory: "512", containerDefinitions: [{ name: "app", image: "busybox", essential: true }] });

    // One unit: run a task, describe it, stop it; every tenth unit also a service's whole life.
    const unit = async (i: number): Promise<OpOutcome> => {
      let requests = 0;
      try {
        const run = await call("RunTask", { cluster: CLUSTER, taskDefinition: "soak", launchType: "FARGATE", networkConfiguration: NETWORK, startedBy: `soak-${i % 1000}` });
        const arn = run.tasks[0].taskArn as string;
        await call("DescribeTasks", { cluster: CLUSTER, tasks: [arn] });
        await call("StopTask", { cluster: CLUSTER, task: arn, reason: "soak" });
        requests += 3;
        if (i % 10 === 0) {
          const name = `svc-${i}`;
          await call("CreateService", { cluster: CLUSTER, serviceName: name, taskDefinition: "soak", desiredCount: 1, launchType: "FARGATE", networkConfiguration: NETWORK });
          await call("DescribeServices", { cluster: CLUSTER, services: [name] });
          await call("DeleteService", { cluster: CLUSTER, service: name, force: true });
          await call("ListTasks", { cluster: CLUSTER, maxResults: 100 });
          requests += 4;
        }
        return { requests };
      } catch (e) {
        return { requests: requests + 1, error: (e as Error).message };
      }
    };

    const samples: Sample[] = [];
    const started = performance.now();
    let next = 0;
    const sample = (): void => {
      samples.push({ atS: Math.round((performance.now() - started) / 1000), rssMb: memoryOf(target.pid).rssMb, ops: next });
    };
    sample();
    const every = Math.max(5_000, Math.min(30_000, opts.durationMs / 20));
    const timer = setInterval(() => {
      sample();
      const s = samples[samples.length - 1];
      log(`soak: ${s.atS} s, ${s.ops} units, RSS ${s.rssMb} MB`);
    }, every);
    const result = await runLoad({ concurrency: opts.concurrency, durationMs: opts.durationMs, maxOps: Number.MAX_SAFE_INTEGER, op: () => unit(next++) });
    clearInterval(timer);
    sample();

    const first = samples[0];
    const last = samples[samples.length - 1];
    const peak = Math.max(...samples.map((s) => s.rssMb));
    const md = [
      `Soak of ${new Date().toISOString()}: ${opts.concurrency} concurrent clients for ${Math.round(opts.durationMs / 1000)} s, stopped tasks and deleted services kept ${opts.retentionMs / 1000} s.`,
      "",
      `| RSS at start MB | RSS at end MB | peak sampled MB | units | requests | errors |`,
      `|--:|--:|--:|--:|--:|--:|`,
      `| ${first.rssMb} | ${last.rssMb} | ${peak} | ${result.ops} | ${result.requests} | ${result.errors} |`,
      "",
      "| s | RSS MB | units so far |",
      "|--:|--:|--:|",
      ...samples.map((s) => `| ${s.atS} | ${s.rssMb} | ${s.ops} |`),
      "",
      ...(result.errors ? [`Errors: ${JSON.stringify(result.errorSamples).slice(0, 500)}`, ""] : []),
    ].join("\n");
    const full = opts.durationMs >= 600_000 && opts.concurrency === 16;
    const files = writeResults(full ? "soak-latest" : "soak-partial-latest", { options: opts, samples, ops: result.ops, requests: result.requests, errors: result.errors, errorSamples: result.errorSamples }, md);
    process.stdout.write(md);
    log(`soak: wrote ${files.md}`);
    if (result.errors) process.exitCode = 1;
  } finally {
    await driver.close();
    await target.stop();
  }
}
