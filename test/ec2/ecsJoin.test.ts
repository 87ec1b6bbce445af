// EC2 instances whose user data names ECS_CLUSTER join that cluster as the ECS-optimized AMI's agent
// does; stopping one disconnects its agent and stops its tasks; terminating one deregisters it.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startLocal, type TestLocal } from "../helpers/local.js";
import { queryCaller, type QueryCaller } from "../helpers/query.js";
import { agentConfig } from "../../src/services/ecs/agent/instanceAgent.js";
import { ECS_AL2023_X86, imageId } from "./catalog.js";

const ecsImage = imageId(ECS_AL2023_X86);

const b64 = (s: string) => Buffer.from(s).toString("base64");
const SCRIPT = (cluster: string) => b64(`#!/bin/bash\necho ECS_CLUSTER=${cluster} >> /etc/ecs/ecs.config\n`);

let t: TestLocal;
let ec2: QueryCaller;
beforeEach(async () => {
  t = await startLocal();
  ec2 = queryCaller(t, "ec2");
});
afterEach(() => t.close());

async function launch(count: number, userData: string, type = "m5.large"): Promise<string[]> {
  const r = await ec2.call("RunInstances", { ImageId: "ami-0fe5f366c083f59ca", InstanceType: type, MinCount: count, MaxCount: count, UserData: userData });
  return r.Instances.map((i: any) => i.InstanceId);
}

const ECS = { ecsOptimized: true, name: "al2023-ami-ecs-hvm-2023.0.20260820-kernel-6.1-x86_64" };

describe("the agent's configuration from user data", () => {
  it("reads ECS_CLUSTER from plain text or a script; on an ECS-optimized image the agent joins `default` without it, elsewhere there is no agent", () => {
    expect(agentConfig(b64("ECS_CLUSTER=web\nECS_ENABLE_TASK_IAM_ROLE=true"))).toEqual({ cluster: "web" });
    expect(agentConfig(SCRIPT("api"))).toEqual({ cluster: "api" });
    expect(agentConfig(b64('#!/bin/bash\necho "ECS_CLUSTER=quoted" >> /etc/ecs/ecs.config'))).toEqual({ cluster: "quoted" });
    expect(agentConfig(b64("#!/bin/bash\necho ECS_ENABLE_CONTAINER_METADATA=true >> /etc/ecs/ecs.config"), ECS)).toEqual({ cluster: "default" });
    expect(agentConfig(undefined, ECS)).toEqual({ cluster: "default" });
    const bottlerocket = { ecsOptimized: true, name: "bottlerocket-aws-ecs-2-x86_64-v1.42.0-5ed15786" };
    expect(agentConfig(b64('[settings.ecs]\ncluster = "rocket"\n\n[settings.host-containers.admin]\nenabled = true\n'), bottlerocket)).toEqual({ cluster: "rocket" });
    expect(agentConfig(b64('settings.ecs.cluster = "dotted"'), bottlerocket)).toEqual({ cluster: "dotted" });
    expect(agentConfig(b64("ECS_CLUSTER=not-toml"), bottlerocket)).toEqual({ cluster: "default" });
    expect(agentConfig(b64("#!/bin/bash\necho ECS_ENABLE_CONTAINER_METADATA=true >> /etc/ecs/ecs.config"))).toBeUndefined();
    expect(agentConfig(b64("#!/bin/bash\nyum install -y nginx"))).toBeUndefined();
    expect(agentConfig(undefined)).toBeUndefined();
  });
});

describe("instances joining a cluster", () => {
  it("registers running instances with their type's resources, AZ, AMI and instance id", async () => {
    await t.ecs("CreateCluster", { clusterName: "web" });
    const ids = await launch(2, SCRIPT("web"));
    const list = await t.ecs("ListContainerInstances", { cluster: "web" });
    expect(list.containerInstanceArns).toHaveLength(2);
    const d = await t.ecs("DescribeContainerInstances", { cluster: "web", containerInstances: list.containerInstanceArns! });
    const byId = new Map(d.containerInstances!.map((c) => [c.ec2InstanceId, c]));
    expect([...byId.keys()].sort()).toEqual([...ids].sort());
    const ci = byId.get(ids[0])!;
    expect(ci.agentConnected).toBe(true);
    expect(ci.registeredResources!.find((r) => r.name === "CPU")!.integerValue).toBe(2048);
    expect(ci.registeredResources!.find((r) => r.name === "MEMORY")!.integerValue).toBe(Math.floor(8192 * 0.95));
    const attrs = new Map(ci.attributes!.map((a) => [a.name, a.value]));
    const inst = (await ec2.call("DescribeInstances", { InstanceIds: [ids[0]] })).Reservations[0].Instances[0];
    expect(Object.fromEntries([...attrs].filter(([name]) => !name.includes("capability")))).toEqual({
      "ecs.availability-zone": inst.Placement.AvailabilityZone,
      "ecs.instance-type": "m5.large",
      "ecs.ami-id": "ami-0fe5f366c083f59ca",
      "ecs.os-type": "linux",
      "ecs.os-family": "LINUX",
      "ecs.cpu-architecture": "x86_64",
      "ecs.vpc-id": inst.VpcId,
      "ecs.subnet-id": inst.SubnetId,
    });
  });

  it("an ECS-optimized instance without ECS_CLUSTER creates and joins `default`; another image's instance joins nothing; a named cluster that does not exist is left alone", async () => {
    await ec2.call("RunInstances", { ImageId: ecsImage, InstanceType: "m5.large", MinCount: 1, MaxCount: 1 });
    await launch(1, b64("ECS_ENABLE_TASK_IAM_ROLE=true"));
    await launch(1, b64("#!/bin/bash\nyum install -y nginx"));
    expect((await t.ecs("ListContainerInstances", { cluster: "default" })).containerInstanceArns).toHaveLength(1);
    await launch(1, SCRIPT("nowhere"));
    expect((await t.ecs("DescribeClusters", { clusters: ["nowhere"] })).failures).toEqual([{ arn: expect.stringContaining("cluster/nowhere"), reason: "MISSING" }]);
  });

  it("stops the tasks of a stopped or terminated instance; a DAEMON runs one per instance and a REPLICA service moves", async () => {
    await t.ecs("CreateCluster", { clusterName: "web" });
    await t.ecs("RegisterTaskDefinition", { family: "app", containerDefinitions: [{ name: "app", image: "nginx", cpu: 256, memory: 256 }] });
    const ids = await launch(2, SCRIPT("web"));
    await t.ecs("CreateService", { cluster: "web", serviceName: "agent", taskDefinition: "app", schedulingStrategy: "DAEMON" });
    await t.ecs("CreateService", { cluster: "web", serviceName: "site", taskDefinition: "app", desiredCount: 2 });
    t.advance(1000);
    const daemon = await t.ecs("ListTasks", { cluster: "web", serviceName: "agent" });
    expect(daemon.taskArns).toHaveLength(2);
    const arns = (await t.ecs("ListContainerInstances", { cluster: "web" })).containerInstanceArns!;

    await ec2.call("TerminateInstances", { InstanceIds: [ids[0]] });
    t.advance(1000);
    const cis = await t.ecs("DescribeContainerInstances", { cluster: "web", containerInstances: arns });
    expect(cis.containerInstances!.find((c) => c.ec2InstanceId === ids[0])).toMatchObject({ status: "INACTIVE", agentConnected: false });
    expect((await t.ecs("ListContainerInstances", { cluster: "web" })).containerInstanceArns).toHaveLength(1);
    const stopped = await t.ecs("ListTasks", { cluster: "web", desiredStatus: "STOPPED" });
    const described = await t.ecs("DescribeTasks", { cluster: "web", tasks: stopped.taskArns! });
    expect(described.tasks!.length).toBeGreaterThanOrEqual(2);
    for (const task of described.tasks!) expect(task.stoppedReason).toBe(`Host EC2 (instance ${ids[0]}) terminated.`);
    // The DAEMON keeps one task on the instance left; the REPLICA service places its replacement there too.
    expect((await t.ecs("ListTasks", { cluster: "web", serviceName: "agent" })).taskArns).toHaveLength(1);
    const site = (await t.ecs("DescribeServices", { cluster: "web", services: ["site"] })).services![0];
    expect(site.runningCount).toBe(2);
    const siteTasks = await t.ecs("DescribeTasks", { cluster: "web", tasks: (await t.ecs("ListTasks", { cluster: "web", serviceName: "site" })).taskArns! });
    expect(new Set(siteTasks.tasks!.map((x) => x.containerInstanceArn))).toEqual(new Set([arns.find((a) => cis.containerInstances!.find((c) => c.containerInstanceArn === a)!.ec2InstanceId === ids[1])]));

    await ec2.call("StopInstances", { InstanceIds: [ids[1]] });
    t.advance(1000);
    const left = await t.ecs("DescribeContainerInstances", { cluster: "web", containerInstances: (await t.ecs("ListContainerInstances", { cluster: "web" })).containerInstanceArns! });
    expect(left.containerInstances!.map((c) => [c.ec2InstanceId, c.status, c.agentConnected])).toEqual([[ids[1], "ACTIVE", false]]);
    expect((await t.ecs("ListTasks", { cluster: "web" })).taskArns).toEqual([]);
    const onStopped = await t.ecs("DescribeTasks", { cluster: "web", tasks: siteTasks.tasks!.map((x) => x.taskArn!) });
    for (const task of onStopped.tasks!) expect([task.stoppedReason, task.stopCode]).toEqual([`Host EC2 (instance ${ids[1]}) stopped.`, "TerminationNotice"]);
    await ec2.call("StartInstances", { InstanceIds: [ids[1]] });
    t.advance(1000);
    const back = await t.ecs("DescribeContainerInstances", { cluster: "web", containerInstances: (await t.ecs("ListContainerInstances", { cluster: "web" })).containerInstanceArns! });
    expect(back.containerInstances![0].agentConnected).toBe(true);
    expect((await t.ecs("ListTasks", { cluster: "web", serviceName: "agent" })).taskArns).toHaveLength(1);
  });
});
