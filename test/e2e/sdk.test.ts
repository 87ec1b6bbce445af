// The lab workflow through @aws-sdk/client-ecs (v3) and its waiters, against the started server.
import {
  ClusterNotFoundException,
  ECSClient,
  CreateClusterCommand,
  CreateServiceCommand,
  DeleteClusterCommand,
  DeleteServiceCommand,
  DeregisterContainerInstanceCommand,
  DescribeServicesCommand,
  DescribeTasksCommand,
  ListTasksCommand,
  RegisterContainerInstanceCommand,
  RegisterTaskDefinitionCommand,
  RunTaskCommand,
  StopTaskCommand,
  paginateListTasks,
  waitUntilServicesInactive,
  waitUntilServicesStable,
  waitUntilTasksRunning,
  waitUntilTasksStopped,
} from "@aws-sdk/client-ecs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { budget, CALL_TIMEOUT_MS, orderedSteps } from "./budget.js";
import { startServer, type RunningServer } from "./server.js";

let server: RunningServer;
let ecs: ECSClient;

beforeAll(async () => {
  server = await startServer({ ECS_LOCAL_VALIDATE_OUTPUT: "1" });
  ecs = new ECSClient({ endpoint: server.url, region: "eu-west-1", credentials: { accessKeyId: "123456789012", secretAccessKey: "secret" }, requestHandler: { requestTimeout: CALL_TIMEOUT_MS } });
});
afterAll(async () => {
  ecs?.destroy();
  await server?.stop();
});

const waiter = () => ({ client: ecs, maxWaitTime: 60, minDelay: 1, maxDelay: 1 });

describe("@aws-sdk/client-ecs: the lab workflow", () => {
  // Ordered steps sharing state, each with its own budget; a step whose predecessor failed stops at once.
  const lab = { instances: [] as string[], arns: [] as string[] };
  const step = orderedSteps();

  step("registers a task definition, a cluster and two instances", 4, async () => {
    const td = await ecs.send(new RegisterTaskDefinitionCommand({ family: "sleep360", containerDefinitions: [{ name: "sleep", image: "busybox", cpu: 10, memory: 10 }] }));
    expect(td.taskDefinition?.taskDefinitionArn).toBe("arn:aws:ecs:eu-west-1:123456789012:task-definition/sleep360:1");
    expect(td.taskDefinition?.registeredAt).toBeInstanceOf(Date);
    await ecs.send(new CreateClusterCommand({ clusterName: "lab" }));
    for (const [n, zone] of [[1, "eu-west-1a"], [2, "eu-west-1b"]] as const) {
      const doc = JSON.stringify({ instanceId: `i-0000000000000000${n}`, instanceType: "t3.medium", availabilityZone: zone, region: "eu-west-1" });
      const r = await ecs.send(new RegisterContainerInstanceCommand({ cluster: "lab", instanceIdentityDocument: doc }));
      lab.instances.push(r.containerInstance!.containerInstanceArn!);
    }
  });

  step("runs tasks on both instances and waits for them", 3, async () => {
    const one = await ecs.send(new RunTaskCommand({ cluster: "lab", taskDefinition: "sleep360", count: 1 }));
    const two = await ecs.send(new RunTaskCommand({ cluster: "lab", taskDefinition: "sleep360", count: 2 }));
    expect(new Set(two.tasks!.map((t) => t.containerInstanceArn))).toEqual(new Set(lab.instances));
    lab.arns = [...one.tasks!, ...two.tasks!].map((t) => t.taskArn!);
    expect((await waitUntilTasksRunning(waiter(), { cluster: "lab", tasks: lab.arns })).state).toBe("SUCCESS");
  });

  step("runs a DAEMON and a REPLICA service to a steady state", 4, async () => {
    await ecs.send(new CreateServiceCommand({ cluster: "lab", serviceName: "daemon", taskDefinition: "sleep360", schedulingStrategy: "DAEMON" }));
    await ecs.send(new CreateServiceCommand({ cluster: "lab", serviceName: "web", taskDefinition: "sleep360", desiredCount: 3 }));
    expect((await waitUntilServicesStable(waiter(), { cluster: "lab", services: ["daemon", "web"] })).state).toBe("SUCCESS");
    const described = await ecs.send(new DescribeServicesCommand({ cluster: "lab", services: ["daemon", "web"] }));
    expect(described.services!.map((s) => [s.serviceName, s.runningCount])).toEqual([["daemon", 2], ["web", 3]]);
  });

  step("replaces a stopped daemon task", 6, async () => {
    const daemonTasks = (await ecs.send(new ListTasksCommand({ cluster: "lab", serviceName: "daemon" }))).taskArns!;
    await ecs.send(new StopTaskCommand({ cluster: "lab", task: daemonTasks[0], reason: "testing" }));
    expect((await waitUntilTasksStopped(waiter(), { cluster: "lab", tasks: [daemonTasks[0]] })).state).toBe("SUCCESS");
    const stopped = await ecs.send(new DescribeTasksCommand({ cluster: "lab", tasks: [daemonTasks[0]] }));
    expect(stopped.tasks![0].stoppedReason).toBe("testing");
    await waitUntilServicesStable(waiter(), { cluster: "lab", services: ["daemon"] });
    const after = (await ecs.send(new ListTasksCommand({ cluster: "lab", serviceName: "daemon" }))).taskArns!;
    expect(after).toHaveLength(2);
    expect(after).not.toContain(daemonTasks[0]);
  });

  step("walks every task with the paginator, a page at a time", 4, async () => {
    const all: string[] = [];
    for await (const page of paginateListTasks({ client: ecs, pageSize: 2 }, { cluster: "lab" })) all.push(...page.taskArns!);
    expect(all).toHaveLength(3 + 2 + 3);
  });

  step("tears everything down", 10, async () => {
    for (const service of ["daemon", "web"]) await ecs.send(new DeleteServiceCommand({ cluster: "lab", service, force: true }));
    expect((await waitUntilServicesInactive(waiter(), { cluster: "lab", services: ["daemon", "web"] })).state).toBe("SUCCESS");
    for (const task of lab.arns) await ecs.send(new StopTaskCommand({ cluster: "lab", task }));
    await waitUntilTasksStopped(waiter(), { cluster: "lab", tasks: lab.arns });
    for (const containerInstance of lab.instances) await ecs.send(new DeregisterContainerInstanceCommand({ cluster: "lab", containerInstance, force: true }));
    expect((await ecs.send(new DeleteClusterCommand({ cluster: "lab" }))).cluster?.status).toBe("INACTIVE");
  });

  it("raises the modelled exception class for AWS's errors", async () => {
    const err = await ecs.send(new DescribeServicesCommand({ cluster: "nowhere", services: ["x"] })).catch((e) => e);
    expect(err).toBeInstanceOf(ClusterNotFoundException);
    expect(err.message).toBe("Cluster not found.");
    expect(err.$metadata.httpStatusCode).toBe(400);
  }, budget(1));
});
