// Container instances: registration, describe, list (status, cluster query filters, pages),
// deregistration, draining and custom attributes.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startLocal, type TestLocal } from "../helpers/local.js";

const ARN = /^arn:aws:ecs:us-east-1:000000000000:container-instance\/ci\/[0-9a-f]{32}$/;
let t: TestLocal;
beforeAll(async () => (t = await startLocal()));
afterAll(() => t.close());
beforeEach(async () => {
  t.local.reset();
  await t.ecs("CreateCluster", { clusterName: "ci" });
});

const doc = (fields: Record<string, string>) => JSON.stringify({ region: "us-east-1", ...fields });
const register = (input: Record<string, unknown> = {}) => t.ecs("RegisterContainerInstance", { cluster: "ci", ...input }).then((r) => r.containerInstance!);
const resource = (ci: { registeredResources?: any[] }, name: string) => ci.registeredResources!.find((r) => r.name === name);
const attr = (ci: { attributes?: any[] }, name: string) => ci.attributes!.find((a) => a.name === name);
const list = (input: Record<string, unknown> = {}) => t.ecs("ListContainerInstances", { cluster: "ci", ...input }).then((r) => r.containerInstanceArns!);
const describeOne = (ref: string, include?: string[]) =>
  t.ecs("DescribeContainerInstances", { cluster: "ci", containerInstances: [ref], ...(include ? { include: include as any } : {}) }).then((r) => r.containerInstances![0]);

async function runTaskOn(instanceArn: string) {
  await t.ecs("RegisterTaskDefinition", { family: "web", containerDefinitions: [{ name: "web", image: "nginx", memory: 128, cpu: 128 }] });
  const r = await t.ecs("StartTask", { cluster: "ci", taskDefinition: "web", containerInstances: [instanceArn] });
  return r.tasks![0];
}

describe("validation", () => {
  it("requires containerInstances for Describe and refuses an empty list", async () => {
    expect((await t.ecsError("DescribeContainerInstances", { cluster: "ci" })).code).toBe("ValidationException");
    expect(await t.ecsError("DescribeContainerInstances", { cluster: "ci", containerInstances: [] })).toMatchObject({ code: "ClientException", message: "Container Instances cannot be empty." });
    const many = Array.from({ length: 101 }, (_, i) => `id${i}`);
    expect(await t.ecsError("DescribeContainerInstances", { cluster: "ci", containerInstances: many })).toMatchObject({ code: "InvalidParameterException", message: "instanceIds can have at most 100 items." });
  });

  it("refuses a status outside the enum when listing", async () => {
    expect(await t.ecsError("ListContainerInstances", { cluster: "ci", status: "INACTIVE" })).toEqual({
      status: 400,
      code: "InvalidParameterException",
      message: "status should be one of [ACTIVE,DRAINING,REGISTERING,DEREGISTERING,REGISTRATION_FAILED]",
    });
  });

  it("refuses an unparsable filter and a maxResults out of range", async () => {
    expect(await t.ecsError("ListContainerInstances", { cluster: "ci", filter: "attribute:ecs.instance-type ==" })).toMatchObject({
      code: "InvalidParameterException",
      message: "Invalid cluster query expression: attribute:ecs.instance-type ==",
    });
    expect(await t.ecsError("ListContainerInstances", { cluster: "ci", filter: "attribute:x in [a, b" })).toMatchObject({ code: "InvalidParameterException" });
    expect(await t.ecsError("ListContainerInstances", { cluster: "ci", maxResults: 101 })).toMatchObject({ code: "InvalidParameterException", message: "maxResults must be between 1 and 100." });
  });

  it("refuses UpdateContainerInstancesState to a status other than ACTIVE or DRAINING", async () => {
    const ci = await register();
    const e = await t.ecsError("UpdateContainerInstancesState", { cluster: "ci", containerInstances: [ci.containerInstanceArn], status: "REGISTERING" });
    expect(e).toMatchObject({ code: "InvalidParameterException", message: "Container instance status should be one of [ACTIVE, DRAINING]" });
    expect((await describeOne(ci.containerInstanceArn!)).status).toBe("ACTIVE");
  });
});

describe("errors", () => {
  it("answers ClusterNotFoundException for a missing or deleted cluster", async () => {
    const want = { status: 400, code: "ClusterNotFoundException", message: "Cluster not found." };
    expect(await t.ecsError("RegisterContainerInstance", { cluster: "nope" })).toEqual(want);
    expect(await t.ecsError("RegisterContainerInstance", {})).toEqual(want);
    expect(await t.ecsError("ListContainerInstances", { cluster: "nope" })).toEqual(want);
    expect(await t.ecsError("DescribeContainerInstances", { cluster: "nope", containerInstances: ["x"] })).toEqual(want);
    expect(await t.ecsError("DeregisterContainerInstance", { cluster: "nope", containerInstance: "x" })).toEqual(want);
    await t.ecs("DeleteCluster", { cluster: "ci" });
    expect(await t.ecsError("RegisterContainerInstance", { cluster: "ci" })).toEqual(want);
  });

  it("refuses to re-register an instance that is not registered", async () => {
    const e = await t.ecsError("RegisterContainerInstance", { cluster: "ci", containerInstanceArn: "arn:aws:ecs:us-east-1:000000000000:container-instance/ci/0123456789abcdef0123456789abcdef" });
    expect(e).toMatchObject({ code: "ClientException", message: "Referenced container instance 0123456789abcdef0123456789abcdef not registered." });
  });

  it("refuses to deregister an unknown instance", async () => {
    const e = await t.ecsError("DeregisterContainerInstance", { cluster: "ci", containerInstance: "0123456789abcdef0123456789abcdef" });
    expect(e).toMatchObject({ code: "ClientException", message: "Referenced container instance 0123456789abcdef0123456789abcdef not found." });
  });

  it("refuses to deregister an instance with tasks unless forced, leaving it ACTIVE", async () => {
    const ci = await register();
    await runTaskOn(ci.containerInstanceArn!);
    const e = await t.ecsError("DeregisterContainerInstance", { cluster: "ci", containerInstance: ci.containerInstanceArn });
    expect(e).toEqual({ status: 400, code: "InvalidParameterException", message: "Found running tasks on the instance." });
    expect((await describeOne(ci.containerInstanceArn!)).status).toBe("ACTIVE");
    expect(await list()).toEqual([ci.containerInstanceArn]);
  });

  it("refuses a bad tag at registration and stores nothing", async () => {
    const e = await t.ecsError("RegisterContainerInstance", { cluster: "ci", tags: [{ key: "aws:owner", value: "x" }] });
    expect(e).toMatchObject({ code: "InvalidParameterException", message: "Tag keys prefixed with 'aws:' are reserved for AWS use." });
    expect(await list()).toEqual([]);
  });
});

describe("registration", () => {
  it("registers with the default type's resources, built-in attributes and agent facts", async () => {
    const ci = await register();
    expect(ci.containerInstanceArn).toMatch(ARN);
    expect(ci.ec2InstanceId).toMatch(/^i-[0-9a-f]{17}$/);
    expect(ci).toMatchObject({ status: "ACTIVE", agentConnected: true, version: 1, runningTasksCount: 0, pendingTasksCount: 0 });
    expect(ci.registeredAt).toBeTypeOf("number");
    expect(ci.versionInfo).toMatchObject({ agentVersion: expect.any(String), agentHash: expect.any(String), dockerVersion: expect.any(String) });
    // t3.medium: 2 vCPUs, 4 GiB of which 95% is registered.
    expect(ci.registeredResources).toEqual([
      { name: "CPU", type: "INTEGER", doubleValue: 0, longValue: 0, integerValue: 2048 },
      { name: "MEMORY", type: "INTEGER", doubleValue: 0, longValue: 0, integerValue: 3891 },
      { name: "PORTS", type: "STRINGSET", doubleValue: 0, longValue: 0, integerValue: 0, stringSetValue: ["22", "2375", "2376", "51678", "51679"] },
      { name: "PORTS_UDP", type: "STRINGSET", doubleValue: 0, longValue: 0, integerValue: 0, stringSetValue: [] },
    ]);
    expect(ci.remainingResources).toEqual(ci.registeredResources);
    expect(attr(ci, "ecs.instance-type").value).toBe("t3.medium");
    expect(attr(ci, "ecs.os-type").value).toBe("linux");
    expect(attr(ci, "ecs.cpu-architecture").value).toBe("x86_64");
    expect(attr(ci, "ecs.availability-zone").value).toBe("us-east-1a");
    expect(attr(ci, "ecs.ami-id").value).toMatch(/^ami-/);
    expect(attr(ci, "com.amazonaws.ecs.capability.docker-remote-api.1.17")).toEqual({ name: "com.amazonaws.ecs.capability.docker-remote-api.1.17" });
  });

  it("takes type, instance id, AMI and zone from the identity document", async () => {
    const ci = await register({ instanceIdentityDocument: doc({ instanceId: "i-0abc1234def567890", instanceType: "c7g.xlarge", imageId: "ami-0123", availabilityZone: "us-east-1c" }) });
    expect(ci.ec2InstanceId).toBe("i-0abc1234def567890");
    expect(resource(ci, "CPU").integerValue).toBe(4096);
    expect(resource(ci, "MEMORY").integerValue).toBe(Math.floor(8192 * 0.95));
    expect(attr(ci, "ecs.cpu-architecture").value).toBe("arm64");
    expect(attr(ci, "ecs.ami-id").value).toBe("ami-0123");
    expect(attr(ci, "ecs.availability-zone").value).toBe("us-east-1c");
  });

  it("registers what totalResources says, and merges custom attributes", async () => {
    const ci = await register({
      totalResources: [
        { name: "CPU", type: "INTEGER", integerValue: 1024 },
        { name: "MEMORY", type: "INTEGER", integerValue: 1900 },
      ],
      attributes: [{ name: "stack", value: "blue" }, { name: "ecs.instance-type", value: "m5.large" }],
    });
    expect(resource(ci, "CPU").integerValue).toBe(1024);
    expect(resource(ci, "MEMORY").integerValue).toBe(1900);
    expect(resource(ci, "PORTS").stringSetValue).toEqual(["22", "2375", "2376", "51678", "51679"]);
    expect(attr(ci, "stack").value).toBe("blue");
    expect(attr(ci, "ecs.instance-type").value).toBe("m5.large");
  });

  it("updates the same instance when the agent re-registers with its ARN", async () => {
    const ci = await register();
    const again = await register({ containerInstanceArn: ci.containerInstanceArn, versionInfo: { agentVersion: "1.90.0" }, attributes: [{ name: "zone", value: "b" }] });
    expect(again.containerInstanceArn).toBe(ci.containerInstanceArn);
    expect(again.version).toBe(2);
    expect(again.versionInfo!.agentVersion).toBe("1.90.0");
    expect(attr(again, "zone").value).toBe("b");
    expect(await list()).toEqual([ci.containerInstanceArn]);
  });

  it("counts instances in the cluster", async () => {
    await register();
    await register();
    const c = await t.ecs("DescribeClusters", { clusters: ["ci"] });
    expect(c.clusters![0].registeredContainerInstancesCount).toBe(2);
  });
});

describe("describe", () => {
  it("finds instances by id or ARN and reports the rest as MISSING", async () => {
    const ci = await register({ tags: [{ key: "team", value: "a" }] });
    const id = ci.containerInstanceArn!.split("/").pop()!;
    const r = await t.ecs("DescribeContainerInstances", { cluster: "ci", containerInstances: [id, ci.containerInstanceArn!, "feedfeedfeedfeedfeedfeedfeedfeed"] });
    expect(r.containerInstances!.map((c) => c.containerInstanceArn)).toEqual([ci.containerInstanceArn, ci.containerInstanceArn]);
    expect(r.containerInstances![0].tags).toBeUndefined();
    expect(r.failures).toEqual([{ arn: "arn:aws:ecs:us-east-1:000000000000:container-instance/ci/feedfeedfeedfeedfeedfeedfeedfeed", reason: "MISSING" }]);
  });

  it("adds tags and health when included", async () => {
    const ci = await register({ tags: [{ key: "team", value: "a" }] });
    const d = await describeOne(ci.containerInstanceArn!, ["TAGS", "CONTAINER_INSTANCE_HEALTH"]);
    expect(d.tags).toEqual([{ key: "team", value: "a" }]);
    expect(d.healthStatus!.overallStatus).toBe("OK");
  });

  it("derives task counts from the cluster's tasks", async () => {
    const ci = await register();
    await runTaskOn(ci.containerInstanceArn!);
    t.advance(60_000);
    const d = await describeOne(ci.containerInstanceArn!);
    expect(d.runningTasksCount).toBe(1);
    expect(d.pendingTasksCount).toBe(0);
  });
});

describe("list", () => {
  it("filters by status and by cluster query expressions", async () => {
    const small = await register({ instanceIdentityDocument: doc({ instanceType: "t3.small", availabilityZone: "us-east-1a" }), attributes: [{ name: "stack", value: "blue" }] });
    const big = await register({ instanceIdentityDocument: doc({ instanceType: "m5.xlarge", availabilityZone: "us-east-1b" }) });
    const arm = await register({ instanceIdentityDocument: doc({ instanceType: "t4g.large", availabilityZone: "us-east-1c" }), attributes: [{ name: "stack", value: "green" }] });
    await t.ecs("UpdateContainerInstancesState", { cluster: "ci", containerInstances: [big.containerInstanceArn!], status: "DRAINING" });
    const [s, b, a] = [small, big, arm].map((c) => c.containerInstanceArn);

    expect(await list()).toEqual([s, b, a]);
    expect(await list({ status: "DRAINING" })).toEqual([b]);
    expect(await list({ status: "ACTIVE" })).toEqual([s, a]);
    expect(await list({ filter: "attribute:ecs.instance-type == t3.small" })).toEqual([s]);
    expect(await list({ filter: "attribute:ecs.instance-type != t3.small" })).toEqual([b, a]);
    expect(await list({ filter: "attribute:stack exists" })).toEqual([s, a]);
    expect(await list({ filter: "attribute:stack !exists" })).toEqual([b]);
    expect(await list({ filter: "attribute:ecs.availability-zone in [us-east-1a, us-east-1c]" })).toEqual([s, a]);
    expect(await list({ filter: "attribute:ecs.availability-zone not_in [us-east-1a]" })).toEqual([b, a]);
    expect(await list({ filter: "attribute:stack == blue or attribute:ecs.cpu-architecture == arm64" })).toEqual([s, a]);
    expect(await list({ filter: "attribute:stack exists and attribute:ecs.cpu-architecture == arm64" })).toEqual([a]);
    expect(await list({ filter: "not(attribute:ecs.instance-type =~ t.*)" })).toEqual([b]);
    expect(await list({ filter: "(attribute:stack == blue || attribute:stack == green) && attribute:ecs.availability-zone == us-east-1c" })).toEqual([a]);
    expect(await list({ filter: "attribute:ecs.instance-type == t3.small", status: "DRAINING" })).toEqual([]);
  });

  it("pages through instances with nextToken", async () => {
    const arns: string[] = [];
    for (let i = 0; i < 5; i++) arns.push((await register()).containerInstanceArn!);
    const seen: string[] = [];
    let nextToken: string | undefined;
    let pages = 0;
    do {
      const r = await t.ecs("ListContainerInstances", { cluster: "ci", maxResults: 2, ...(nextToken ? { nextToken } : {}) });
      seen.push(...r.containerInstanceArns!);
      nextToken = r.nextToken;
      pages++;
    } while (nextToken);
    expect(pages).toBe(3);
    expect(seen).toEqual(arns);
  });
});

describe("deregistration", () => {
  it("makes an idle instance INACTIVE, unlisted but still describable", async () => {
    const ci = await register();
    const r = await t.ecs("DeregisterContainerInstance", { cluster: "ci", containerInstance: ci.containerInstanceArn! });
    expect(r.containerInstance).toMatchObject({ containerInstanceArn: ci.containerInstanceArn, status: "INACTIVE", agentConnected: false });
    expect(await list()).toEqual([]);
    expect((await describeOne(ci.containerInstanceArn!)).status).toBe("INACTIVE");
    const c = await t.ecs("DescribeClusters", { clusters: ["ci"] });
    expect(c.clusters![0].registeredContainerInstancesCount).toBe(0);
    await t.ecs("DeleteCluster", { cluster: "ci" });
  });

  it("with force, stops the instance's tasks", async () => {
    const ci = await register();
    const task = await runTaskOn(ci.containerInstanceArn!);
    const r = await t.ecs("DeregisterContainerInstance", { cluster: "ci", containerInstance: ci.containerInstanceArn!.split("/").pop()!, force: true });
    expect(r.containerInstance!.status).toBe("INACTIVE");
    const d = await t.ecs("DescribeTasks", { cluster: "ci", tasks: [task.taskArn!] });
    expect(d.tasks![0].desiredStatus).toBe("STOPPED");
  });
});

describe("state and attributes", () => {
  it("drains and reactivates instances, reporting unknown ones as MISSING", async () => {
    const ci = await register();
    const r = await t.ecs("UpdateContainerInstancesState", { cluster: "ci", containerInstances: [ci.containerInstanceArn!, "feedfeedfeedfeedfeedfeedfeedfeed"], status: "DRAINING" });
    expect(r.containerInstances!.map((c) => c.status)).toEqual(["DRAINING"]);
    expect(r.containerInstances![0].version).toBe(2);
    expect(r.failures).toEqual([{ arn: "arn:aws:ecs:us-east-1:000000000000:container-instance/ci/feedfeedfeedfeedfeedfeedfeedfeed", reason: "MISSING" }]);
    await t.ecs("UpdateContainerInstancesState", { cluster: "ci", containerInstances: [ci.containerInstanceArn!], status: "ACTIVE" });
    expect((await describeOne(ci.containerInstanceArn!)).status).toBe("ACTIVE");
  });

  it("puts, lists and deletes custom attributes", async () => {
    const ci = await register();
    const arn = ci.containerInstanceArn!;
    await t.ecs("PutAttributes", { cluster: "ci", attributes: [{ name: "stack", value: "prod", targetId: arn }] });
    expect(attr(await describeOne(arn), "stack").value).toBe("prod");
    const l = await t.ecs("ListAttributes", { cluster: "ci", targetType: "container-instance", attributeName: "stack" });
    expect(l.attributes).toEqual([{ name: "stack", value: "prod", targetType: "container-instance", targetId: arn }]);
    expect(await list({ filter: "attribute:stack == prod" })).toEqual([arn]);
    await t.ecs("DeleteAttributes", { cluster: "ci", attributes: [{ name: "stack", targetId: arn }] });
    expect(attr(await describeOne(arn), "stack")).toBeUndefined();
  });

  it("refuses attributes for unknown targets and beyond the limit, changing nothing", async () => {
    const ci = await register();
    const arn = ci.containerInstanceArn!;
    const missing = "arn:aws:ecs:us-east-1:000000000000:container-instance/ci/feedfeedfeedfeedfeedfeedfeedfeed";
    const e = await t.ecsError("PutAttributes", { cluster: "ci", attributes: [{ name: "a", value: "1", targetId: arn }, { name: "b", value: "2", targetId: missing }] });
    expect(e).toMatchObject({ code: "TargetNotFoundException", message: `Could not find ${missing}` });
    expect(attr(await describeOne(arn), "a")).toBeUndefined();
    const ten = Array.from({ length: 10 }, (_, i) => ({ name: `k${i}`, value: "v", targetId: arn }));
    await t.ecs("PutAttributes", { cluster: "ci", attributes: ten });
    const over = await t.ecsError("PutAttributes", { cluster: "ci", attributes: [{ name: "k10", value: "v", targetId: arn }] });
    expect(over.code).toBe("AttributeLimitExceededException");
    expect(attr(await describeOne(arn), "k10")).toBeUndefined();
  });
});
