// No client mistake may produce a 500 or a stack trace: every operation of the model gets inputs
// built from its schema (empty, minimal, full, and one member at a time made wrong) against a
// state with real resources, and every answer must be a success or an error the model lists.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SCHEMAS_DIR } from "../../src/paths.js";
import { OPERATION_ERRORS, OPERATIONS, TARGET_PREFIX, type Operation } from "../../src/services/ecs/generated/operations.js";
import { InputFactory, prng, seedOf, type Variant } from "../helpers/fuzz.js";
import { PROTOCOL_ERRORS, startLocal, type RawResponse, type TestLocal } from "../helpers/local.js";
import { queryCaller } from "../helpers/query.js";

const CLUSTER = "robust";
const FAMILY = "robust-td";
/** The Auto Scaling group behind the capacity provider: a provider's group must exist. */
async function autoScalingGroup(): Promise<string> {
  const asg = queryCaller(t, "autoscaling");
  await asg.call("CreateLaunchConfiguration", { LaunchConfigurationName: "robust-lc", ImageId: "ami-0fe5f366c083f59ca", InstanceType: "t3.medium" });
  await asg.call("CreateAutoScalingGroup", { AutoScalingGroupName: "robust-asg", LaunchConfigurationName: "robust-lc", MinSize: 0, MaxSize: 1, AvailabilityZones: ["us-east-1a"] });
  return (await asg.call("DescribeAutoScalingGroups", { AutoScalingGroupNames: ["robust-asg"] })).AutoScalingGroups[0].AutoScalingGroupARN;
}
const NESTED_PER_OPERATION = 40;
// Another salt explores other variants (FUZZ_SEED=7 npx vitest run test/protocol/robustness.test.ts); the default is fixed.
const SALT = process.env.FUZZ_SEED ?? "";

let t: TestLocal;
beforeAll(async () => (t = await startLocal()));
afterAll(() => t.close());

interface Seeded {
  named: Record<string, unknown>;
  arns: string[];
}

async function instance(n: number): Promise<string> {
  const doc = JSON.stringify({ instanceId: `i-${String(n).padStart(17, "0")}`, instanceType: "t3.large", availabilityZone: `us-east-1${"ab"[n % 2]}` });
  const r = await t.ecs("RegisterContainerInstance", {
    cluster: CLUSTER,
    instanceIdentityDocument: doc,
    totalResources: [
      { name: "CPU", type: "INTEGER", integerValue: 4096 },
      { name: "MEMORY", type: "INTEGER", integerValue: 8192 },
    ],
  });
  return r.containerInstance!.containerInstanceArn!;
}

/** A cluster with two instances, a task definition, a running task, a service, an EXTERNAL service with a task set, a capacity provider. */
async function seed(): Promise<Seeded> {
  await fetch(`${t.url}/_ecs-local/reset`, { method: "POST" });
  const clusterArn = (await t.ecs("CreateCluster", { clusterName: CLUSTER })).cluster!.clusterArn!;
  const instances = [await instance(1), await instance(2)];
  const td = await t.ecs("RegisterTaskDefinition", { family: FAMILY, containerDefinitions: [{ name: "app", image: "nginx", cpu: 128, memory: 128 }] });
  const taskDefinitionArn = td.taskDefinition!.taskDefinitionArn!;
  const task = (await t.ecs("RunTask", { cluster: CLUSTER, taskDefinition: FAMILY })).tasks![0].taskArn!;
  const service = (await t.ecs("CreateService", { cluster: CLUSTER, serviceName: "web", taskDefinition: FAMILY, desiredCount: 1 })).service!;
  await t.ecs("CreateService", { cluster: CLUSTER, serviceName: "ext", desiredCount: 1, deploymentController: { type: "EXTERNAL" } });
  const taskSet = (await t.ecs("CreateTaskSet", { cluster: CLUSTER, service: "ext", taskDefinition: FAMILY })).taskSet!;
  const ASG = await autoScalingGroup();
  const cp = (await t.ecs("CreateCapacityProvider", { name: "robust-cp", autoScalingGroupProvider: { autoScalingGroupArn: ASG } })).capacityProvider!;
  t.advance(60_000);
  const deployment = (await t.ecs("DescribeServices", { cluster: CLUSTER, services: ["web"] })).services![0].currentServiceDeployment!;
  const sd = (await t.ecs("DescribeServiceDeployments", { serviceDeploymentArns: [deployment] })).serviceDeployments![0];
  const revision = sd.targetServiceRevision!.arn!;
  const named = {
    cluster: CLUSTER,
    clusters: [CLUSTER],
    clusterName: "robust-new",
    service: "web",
    services: ["web"],
    serviceName: "web",
    taskDefinition: `${FAMILY}:1`,
    taskDefinitions: [`${FAMILY}:1`],
    family: FAMILY,
    familyPrefix: FAMILY,
    task: task,
    tasks: [task],
    containerInstance: instances[0],
    containerInstances: instances,
    resourceArn: clusterArn,
    capacityProvider: cp.name,
    capacityProviders: [cp.name],
    taskSet: taskSet.id,
    taskSets: [taskSet.id],
    primaryTaskSet: taskSet.id,
    serviceDeploymentArn: deployment,
    serviceDeploymentArns: [deployment],
    serviceRevisionArns: [revision],
    autoScalingGroupArn: ASG,
    principalArn: "arn:aws:iam::000000000000:user/robust",
    roleArn: "arn:aws:iam::000000000000:role/robust",
    executionRoleArn: "arn:aws:iam::000000000000:role/robust",
    taskRoleArn: "arn:aws:iam::000000000000:role/robust",
    image: "nginx",
    maxResults: 10,
    desiredCount: 1,
    count: 1,
  };
  return { named, arns: [clusterArn, service.serviceArn!, task, instances[1], taskDefinitionArn, cp.capacityProviderArn!, taskSet.taskSetArn!, deployment, revision] };
}

/** Task-set operations act on the EXTERNAL service. */
const OVERRIDES: Partial<Record<Operation, Record<string, unknown>>> = {
  CreateTaskSet: { service: "ext" },
  DeleteTaskSet: { service: "ext" },
  UpdateTaskSet: { service: "ext" },
  DescribeTaskSets: { service: "ext" },
  UpdateServicePrimaryTaskSet: { service: "ext" },
  CreateService: { serviceName: "fresh", desiredCount: 1 },
};

const STACK = /\n\s+at |\bat (?:async )?[\w.$<>]+ \((?:file:|node:|\/)|TypeError|ReferenceError|Cannot read propert/;

/** Why an answer is unacceptable, or undefined when it is fine. */
function problem(op: Operation, res: RawResponse): string | undefined {
  if (STACK.test(res.text)) return `stack trace or JS error in the body (${res.status})`;
  if (res.status === 200) return undefined;
  if (res.status >= 500) return `status ${res.status}`;
  if (res.status < 400) return `status ${res.status}`;
  const b = res.body;
  if (!b || typeof b.__type !== "string" || typeof b.message !== "string") return `error body is not {__type, message}`;
  if (res.headers.get("x-amzn-errortype") !== b.__type) return `x-amzn-ErrorType ${res.headers.get("x-amzn-errortype")} ≠ ${b.__type}`;
  if (![...OPERATION_ERRORS[op], ...PROTOCOL_ERRORS].includes(b.__type)) return `${b.__type} is not listed for ${op}`;
  if (/undefined|\[object Object\]|NaN/.test(b.message)) return `message leaks an internal value`;
  return undefined;
}

async function variantsFor(op: Operation): Promise<Variant[]> {
  const { named, arns } = await seed();
  const f = new InputFactory(`${SCHEMAS_DIR}/ecs`, op, named, arns, prng(seedOf(op + SALT)));
  const extra = OVERRIDES[op] ?? {};
  const minimal = f.minimal(extra);
  const full = f.full(extra);
  return [
    { label: "{}", input: {} },
    ...f.topLevel(minimal),
    ...f.nested(full, NESTED_PER_OPERATION),
    ...f.topLevel(full),
    { label: "full", input: full },
    // The minimal valid input last, so earlier variants ran against the seeded state, not a deleted one.
    { label: "minimal", input: minimal },
  ];
}

/** Describes everything left in the state, so a stored value the fuzzed input broke shows in an answer. */
async function inspect(failures: string[]): Promise<void> {
  const call = async (op: Operation, input: Record<string, unknown>) => {
    const res = await t.raw(`${TARGET_PREFIX}.${op}`, JSON.stringify(input));
    const why = problem(op, res);
    if (why) failures.push(`after the variants, ${op} ${JSON.stringify(input).slice(0, 200)}: ${why}\n    answer ${res.text.slice(0, 300)}`);
    return res.status === 200 ? res.body : {};
  };
  const clusters: string[] = (await call("ListClusters", {})).clusterArns ?? [];
  await call("DescribeClusters", { clusters, include: ["ATTACHMENTS", "CONFIGURATIONS", "SETTINGS", "STATISTICS", "TAGS"] });
  await call("DescribeCapacityProviders", { include: ["TAGS"] });
  for (const cluster of clusters.slice(0, 3)) {
    for (const desiredStatus of ["RUNNING", "STOPPED"]) {
      const tasks: string[] = (await call("ListTasks", { cluster, desiredStatus })).taskArns ?? [];
      if (tasks.length) await call("DescribeTasks", { cluster, tasks: tasks.slice(0, 100), include: ["TAGS"] });
    }
    const instances: string[] = (await call("ListContainerInstances", { cluster })).containerInstanceArns ?? [];
    if (instances.length) await call("DescribeContainerInstances", { cluster, containerInstances: instances, include: ["TAGS", "CONTAINER_INSTANCE_HEALTH"] });
    const services: string[] = (await call("ListServices", { cluster })).serviceArns ?? [];
    if (services.length) await call("DescribeServices", { cluster, services, include: ["TAGS"] });
    for (const service of services) {
      await call("DescribeTaskSets", { cluster, service, include: ["TAGS"] });
      const deployments: string[] = ((await call("ListServiceDeployments", { cluster, service })).serviceDeployments ?? []).map((d: any) => d.serviceDeploymentArn);
      if (deployments.length) await call("DescribeServiceDeployments", { serviceDeploymentArns: deployments.slice(0, 20) });
    }
  }
  for (const status of ["ACTIVE", "INACTIVE"]) {
    const arns: string[] = (await call("ListTaskDefinitions", { status, sort: "DESC" })).taskDefinitionArns ?? [];
    for (const taskDefinition of arns.slice(0, 3)) await call("DescribeTaskDefinition", { taskDefinition, include: ["TAGS"] });
  }
}

/** Answers that got past the protocol layer, so the test keeps exercising operations, not only the schema. */
const reached = { semantic: 0, total: 0 };

describe("every operation answers every malformed input with a listed error", () => {
  for (const op of OPERATIONS) {
    it(op, async () => {
      const failures: string[] = [];
      for (const v of await variantsFor(op)) {
        const res = await t.raw(`${TARGET_PREFIX}.${op}`, JSON.stringify(v.input));
        const why = problem(op, res);
        reached.total++;
        if (res.status === 200 || !PROTOCOL_ERRORS.includes(res.body?.__type)) reached.semantic++;
        // Work the request scheduled (lifecycle, deployments) runs on the fuzzed state too.
        try {
          t.advance(5_000);
        } catch (e) {
          failures.push(`${v.label}: the clock step after it threw ${String(e)}\n    input ${JSON.stringify(v.input).slice(0, 300)}`);
        }
        if (why) failures.push(`${v.label}: ${why}\n    input ${JSON.stringify(v.input).slice(0, 300)}\n    answer ${res.text.slice(0, 300)}`);
      }
      await inspect(failures);
      expect(failures, failures.join("\n")).toEqual([]);
    });
  }

  it("got past schema validation for a good share of the inputs", () => {
    expect(reached.total).toBeGreaterThan(8000);
    expect(reached.semantic / reached.total).toBeGreaterThan(0.5);
  });
});
