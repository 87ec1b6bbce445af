// Bytes held per unit of work, in process, through the real request path: a server on a loopback
// port with a manual clock, N units sent over HTTP as the bench sends them, full collections before
// and after, and the heap's growth divided by N. The figure does not depend on the machine's load,
// so it is the one to compare between builds (README, Performance: "Memory").
//
//   npm run build && node --expose-gc dist/bench/heldBytes.js [--units N] [--only NAME] [--heap-snapshot DIR]
import { Agent, createServer, request } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { writeHeapSnapshot } from "node:v8";
import { createApp, type EcsLocal } from "../src/app.js";
import { ManualClock } from "../src/engine/clock.js";
import { syntheticInstances } from "./motoEc2.js";
import { CONTAINER, INSTANCE_RESOURCES, TASK_FAMILY, instanceDocument } from "./workload.js";

const REGION = "us-east-1";
const VERSIONS: Record<string, string> = { ec2: "2016-11-15", iam: "2010-05-08", autoscaling: "2011-01-01", cloudformation: "2010-05-15" };
const agent = new Agent({ keepAlive: true, maxSockets: 8 });

interface Server {
  url: string;
  local: EcsLocal;
  clock: ManualClock;
}

function post(s: Server, headers: Record<string, string>, body: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(s.url, { method: "POST", agent, headers: { ...headers, "content-length": String(Buffer.byteLength(body)) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString("utf8") }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end(body);
  });
}

const auth = (service: string) => `AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/${REGION}/${service}/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature=0000`;

async function query(s: Server, service: string, params: Record<string, string>): Promise<string> {
  const body = new URLSearchParams({ ...params, Version: VERSIONS[service] }).toString();
  const reply = await post(s, { "content-type": "application/x-www-form-urlencoded; charset=utf-8", authorization: auth(service) }, body);
  if (reply.status !== 200) throw new Error(`${service} ${params.Action}: HTTP ${reply.status} ${reply.text.slice(0, 300)}`);
  return reply.text;
}

async function ssm(s: Server, operation: string, input: object): Promise<string> {
  const reply = await post(s, { "content-type": "application/x-amz-json-1.1", "x-amz-target": `AmazonSSM.${operation}`, authorization: auth("ssm") }, JSON.stringify(input));
  if (reply.status !== 200) throw new Error(`ssm ${operation}: HTTP ${reply.status} ${reply.text.slice(0, 300)}`);
  return reply.text;
}

async function ecs(s: Server, operation: string, input: object): Promise<string> {
  const reply = await post(s, { "content-type": "application/x-amz-json-1.1", "x-amz-target": `AmazonEC2ContainerServiceV20141113.${operation}`, authorization: auth("ecs") }, JSON.stringify(input));
  if (reply.status !== 200) throw new Error(`ecs ${operation}: HTTP ${reply.status} ${reply.text.slice(0, 300)}`);
  return reply.text;
}

/** A cluster with `count` container instances and the bench's task definition, as bench/workload.ts sets them up. */
async function ecsCluster(s: Server, cluster: string, count: number): Promise<void> {
  await ecs(s, "CreateCluster", { clusterName: cluster });
  await ecs(s, "RegisterTaskDefinition", { family: TASK_FAMILY, containerDefinitions: [CONTAINER] });
  const ids = syntheticInstances(count);
  for (let i = 0; i < count; i++) await ecs(s, "RegisterContainerInstance", { cluster, instanceIdentityDocument: instanceDocument(ids, i), totalResources: INSTANCE_RESOURCES });
}

/** RunTask as the bench's phases send it (64 instances, a client token per request); held bytes are per task. */
function runTaskUnit(count: number): Unit {
  return {
    name: `RunTask (count ${count})`,
    per: count,
    setup: (s) => ecsCluster(s, "held-run", 64),
    run: async (s, i) => {
      const out = await ecs(s, "RunTask", { taskDefinition: TASK_FAMILY, cluster: "held-run", count, clientToken: `held-${count}-${i}` });
      if (out.includes('"failures":[{')) throw new Error(`RunTask failures: ${out.slice(out.indexOf('"failures"'), 300)}`);
    },
  };
}

const RCI_INSTANCES = syntheticInstances(20_000);
const TRUST = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: "ecs-tasks.amazonaws.com" }, Action: "sts:AssumeRole" }] });
const TEMPLATE = JSON.stringify({ Resources: { Logs: { Type: "AWS::Logs::LogGroup", Properties: { RetentionInDays: 7 } } } });

interface Unit {
  name: string;
  setup?: (s: Server) => Promise<void>;
  /** What one unit holds is divided by this (RunTask count 10: per task). */
  per?: number;
  run: (s: Server, i: number) => Promise<void>;
}

/** The units of the bench's phases (bench/queryWorkload.ts, bench/companions.ts), with the same requests. */
const UNITS: Unit[] = [
  {
    name: "ECS service chain (create→describe→update→delete)",
    setup: (s) => ecsCluster(s, "held-svc", 4),
    run: async (s, i) => {
      const serviceName = `held-svc-${i}`;
      const cluster = "held-svc";
      await ecs(s, "CreateService", { serviceName, cluster, taskDefinition: TASK_FAMILY, desiredCount: 1, launchType: "EC2" });
      await ecs(s, "DescribeServices", { services: [serviceName], cluster });
      await ecs(s, "UpdateService", { service: serviceName, cluster, desiredCount: 0 });
      await ecs(s, "DeleteService", { service: serviceName, cluster });
    },
  },
  {
    name: "RegisterTaskDefinition (a revision)",
    run: async (s) => void (await ecs(s, "RegisterTaskDefinition", { family: "bench-rtd", containerDefinitions: [CONTAINER] })),
  },
  {
    name: "RegisterContainerInstance",
    setup: (s) => ecs(s, "CreateCluster", { clusterName: "held-rci" }).then(() => undefined),
    run: async (s, i) => void (await ecs(s, "RegisterContainerInstance", { cluster: "held-rci", instanceIdentityDocument: instanceDocument(RCI_INSTANCES, i), totalResources: INSTANCE_RESOURCES })),
  },
  runTaskUnit(1),
  runTaskUnit(10),
  {
    name: "EC2 instance (RunInstances count 1)",
    run: async (s, i) => void (await query(s, "ec2", { Action: "RunInstances", ImageId: "ami-0123456789abcdef0", InstanceType: "m5.large", MaxCount: "1", MinCount: "1", "Placement.AvailabilityZone": `${REGION}${"abc"[i % 3]}` })),
  },
  {
    name: "CloudFormation chain (the deleted stack)",
    run: async (s, i) => {
      const name = `held-${i}`;
      await query(s, "cloudformation", { Action: "CreateStack", StackName: name, TemplateBody: TEMPLATE });
      await query(s, "cloudformation", { Action: "DescribeStacks", StackName: name });
      await query(s, "cloudformation", { Action: "DeleteStack", StackName: name });
    },
  },
  {
    name: "Auto Scaling chain (create→describe→delete)",
    setup: async (s) => void (await query(s, "autoscaling", { Action: "CreateLaunchConfiguration", LaunchConfigurationName: "held", ImageId: "ami-0123456789abcdef0", InstanceType: "t3.micro" })),
    run: async (s, i) => {
      const name = `held-${i}`;
      await query(s, "autoscaling", { Action: "CreateAutoScalingGroup", AutoScalingGroupName: name, LaunchConfigurationName: "held", MinSize: "0", MaxSize: "2", DesiredCapacity: "0", "AvailabilityZones.member.1": `${REGION}a` });
      await query(s, "autoscaling", { Action: "DescribeAutoScalingGroups", "AutoScalingGroupNames.member.1": name });
      await query(s, "autoscaling", { Action: "DeleteAutoScalingGroup", AutoScalingGroupName: name });
    },
  },
  {
    name: "IAM role chain (create→get→delete)",
    run: async (s, i) => {
      const name = `held-${i}`;
      await query(s, "iam", { Action: "CreateRole", RoleName: name, AssumeRolePolicyDocument: TRUST });
      await query(s, "iam", { Action: "GetRole", RoleName: name });
      await query(s, "iam", { Action: "DeleteRole", RoleName: name });
    },
  },
  {
    name: "SSM parameter chain (put→get→delete)",
    run: async (s, i) => {
      const name = `/held/${i}`;
      await ssm(s, "PutParameter", { Name: name, Value: `value-${i}`, Type: "String" });
      await ssm(s, "GetParameter", { Name: name });
      await ssm(s, "DeleteParameter", { Name: name });
    },
  },
];

async function start(): Promise<Server> {
  const clock = new ManualClock();
  const local = createApp({ config: { elbPortOffset: -1 }, clock });
  await local.ready;
  const server = createServer(local.handle);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  local.listening(port);
  return { url: `http://127.0.0.1:${port}/`, local, clock };
}

function heap(): number {
  for (let i = 0; i < 4; i++) (globalThis as { gc?: () => void }).gc!();
  return process.memoryUsage().heapUsed;
}

/** Sends units [from, to) eight at a time (as concurrent clients would), then lets the clock finish what they started. */
async function runUnits(s: Server, unit: Unit, from: number, to: number): Promise<void> {
  let next = from;
  const worker = async () => {
    while (next < to) await unit.run(s, next++);
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  // A minute: instances reach running, stacks finish deleting; well inside every retention.
  s.local.timeline.advance(60_000, (at) => s.clock.set(at));
}

const WARMUP = 1000;

/** With `--heap-snapshot DIR`, the heap before and after the counted units, to diff by constructor. */
let snapshotDir: string | undefined;

async function measure(unit: Unit, n: number): Promise<number> {
  const s = await start();
  await unit.setup?.(s);
  // Warm-up: code loaded, validators compiled, optimized code made (a few hundred bytes a unit when
  // counted in), caches and pools filled (the public addresses: 762) before counting.
  await runUnits(s, unit, 0, WARMUP);
  const before = heap();
  if (snapshotDir) writeHeapSnapshot(join(snapshotDir, "before.heapsnapshot"));
  await runUnits(s, unit, WARMUP, WARMUP + n);
  const after = heap();
  if (snapshotDir) writeHeapSnapshot(join(snapshotDir, "after.heapsnapshot"));
  await s.local.close();
  return (after - before) / n / (unit.per ?? 1);
}

async function main(): Promise<void> {
  if (!(globalThis as { gc?: unknown }).gc) throw new Error("run with node --expose-gc");
  const arg = (name: string) => {
    const i = process.argv.indexOf(name);
    return i >= 0 ? process.argv[i + 1] : undefined;
  };
  const n = Number(arg("--units") ?? 3000);
  const only = arg("--only");
  snapshotDir = arg("--heap-snapshot");
  console.log(`| Unit | bytes held (${n} units) |\n|---|--:|`);
  for (const unit of UNITS) {
    if (only && !unit.name.toLowerCase().includes(only.toLowerCase())) continue;
    console.log(`| ${unit.name} | ${Math.round(await measure(unit, n)).toLocaleString("en-US")} |`);
  }
  process.exit(0);
}

void main();
