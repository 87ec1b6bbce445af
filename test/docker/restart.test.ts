// --state-dir with real containers: tasks outlive the server, and so do their containers. The next
// start takes them over by their labels and reads back what happened while nobody watched: output
// written meanwhile, a container removed by hand, a container left by nobody's task. Skipped, with
// the reason, when no engine answers.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type EcsLocalServer } from "../../src/index.js";
import { Engine } from "../../src/runtime/docker/engine.js";
import { call, DOCKER_HOST, dockerUnavailable, IMAGE, importBusybox, page, until } from "../helpers/docker.js";
import { tempDir } from "../helpers/tempDir.js";

const why = await dockerUnavailable();
if (why) console.warn(`SKIPPED the Docker restart suite: ${why}`);

let engine: Engine;
let server: EcsLocalServer | undefined;
const stateDir = tempDir("ecs-local-docker-state-");
const start = async (): Promise<EcsLocalServer> => (server = await startServer({ logLevel: "silent", validateOutput: true, runtime: "docker", dockerHost: DOCKER_HOST, stateDir, containerDns: false }));
const ecs = (op: string, input: unknown) => call(server!.endpoint, "ecs", op, input);
const logs = (op: string, input: unknown) => call(server!.endpoint, "logs", op, input);
const idOf = (arn: string) => arn.split("/").pop()!;
const exists = (id: string) => engine.call("GET", `/containers/${id}/json`).then(() => true, () => false);

const awslogs = { logDriver: "awslogs", options: { "awslogs-group": "/ecs/restart", "awslogs-region": "us-east-1", "awslogs-stream-prefix": "ecs", "awslogs-create-group": "true" } };
const web = { name: "web", image: IMAGE, memory: 32, command: ["httpd", "-f", "-p", "80", "-h", "/www"], portMappings: [{ containerPort: 80, hostPort: 0 }], stopTimeout: 1 };
const talk = { name: "talk", image: IMAGE, memory: 32, command: ["sh", "-c", "echo one; sleep 4; echo two; exec sleep 600"], stopTimeout: 1, logConfiguration: awslogs };
const idle = { name: "idle", image: IMAGE, memory: 32, command: ["sleep", "600"], stopTimeout: 1 };

async function running(arns: string[]): Promise<any[]> {
  return until(`tasks ${arns.map(idOf).join(", ")} to run`, async () => {
    const { tasks } = await ecs("DescribeTasks", { cluster: "keep", tasks: arns });
    return tasks.every((t: any) => t.lastStatus === "RUNNING") ? tasks : undefined;
  }, 30_000);
}

describe.skipIf(!!why)("--state-dir with the Docker runtime", () => {
  beforeAll(async () => {
    await importBusybox();
    engine = new Engine(DOCKER_HOST);
  }, 60_000);
  afterAll(async () => {
    if (server) {
      server.reset();
      await server.stop();
    }
    engine?.destroy();
  });

  it("takes over the containers after a restart: same containers, output written meanwhile, a container removed meanwhile, leftovers removed", async () => {
    await start();
    await ecs("CreateCluster", { clusterName: "keep" });
    const doc = { instanceId: "i-0000000000000abc1", instanceType: "t3.medium", availabilityZone: "us-east-1a", region: "us-east-1" };
    await ecs("RegisterContainerInstance", { cluster: "keep", instanceIdentityDocument: JSON.stringify(doc) });
    for (const def of [web, talk, idle]) await ecs("RegisterTaskDefinition", { family: def.name, containerDefinitions: [def] });
    const runOne = async (family: string) => (await ecs("RunTask", { cluster: "keep", taskDefinition: family })).tasks[0].taskArn as string;
    const [webArn, talkArn, idleArn] = [await runOne("web"), await runOne("talk"), await runOne("idle")];
    await ecs("CreateService", { cluster: "keep", serviceName: "svc", taskDefinition: "idle", desiredCount: 1 });
    const svcArn = await until("the service's task", async () => (await ecs("ListTasks", { cluster: "keep", serviceName: "svc" })).taskArns[0] as string | undefined);
    const [webTask, , idleTask, svcTask] = await running([webArn, talkArn, idleArn, svcArn]);
    const owner = (await engine.call("GET", `/containers/${webTask.containers[0].runtimeId}/json`)).Config.Labels["ecs-local.owner"];

    await server!.stop();
    server = undefined;
    // While ecs-local is down: the page still answers, a container is removed by hand, another is left by nobody's task.
    expect(await page(webTask)).toContain("hello from busybox");
    await engine.call("DELETE", `/containers/${idleTask.containers[0].runtimeId}?force=1`);
    const stray = await engine.call("POST", "/containers/create", { Image: IMAGE, Cmd: ["sleep", "600"], Labels: { "ecs-local.owner": owner, "com.amazonaws.ecs.task-arn": "arn:aws:ecs:us-east-1:000000000000:task/keep/0123456789abcdef0123456789abcdef" } });
    await engine.call("POST", `/containers/${stray.Id}/start`);
    await new Promise((r) => setTimeout(r, 4500)); // "two" is written while nobody follows the output

    await start();
    const [webAfter] = (await ecs("DescribeTasks", { cluster: "keep", tasks: [webArn] })).tasks;
    expect(webAfter.lastStatus).toBe("RUNNING");
    expect(webAfter.containers[0].runtimeId).toBe(webTask.containers[0].runtimeId);
    expect(await page(webAfter)).toContain("hello from busybox");
    expect(await exists(stray.Id)).toBe(false);
    const idleAfter = await until("the task whose container was removed to stop", async () => {
      const [t] = (await ecs("DescribeTasks", { cluster: "keep", tasks: [idleArn] })).tasks;
      return t.lastStatus === "STOPPED" ? t : undefined;
    });
    expect(idleAfter.stopCode).toBe("EssentialContainerExited");
    expect(idleAfter.stoppedReason).toBe("Essential container in task exited");
    // The service's task was not replaced: it runs in the same container as before.
    expect((await ecs("ListTasks", { cluster: "keep", serviceName: "svc" })).taskArns).toEqual([svcArn]);
    const [svcAfter] = (await ecs("DescribeTasks", { cluster: "keep", tasks: [svcArn] })).tasks;
    expect(svcAfter.containers[0].runtimeId).toBe(svcTask.containers[0].runtimeId);
    const messages = await until("both lines in CloudWatch Logs", async () => {
      const out = await logs("GetLogEvents", { logGroupName: "/ecs/restart", logStreamName: `ecs/talk/${idOf(talkArn)}`, startFromHead: true });
      const m = out.events.map((e: any) => e.message);
      return m.includes("two") ? m : undefined;
    });
    expect(messages).toEqual(["one", "two"]);

    // The container is followed again: docker stop stops its task.
    await engine.call("POST", `/containers/${webTask.containers[0].runtimeId}/stop?t=1`);
    const webStopped = await until("the web task to stop after docker stop", async () => {
      const [t] = (await ecs("DescribeTasks", { cluster: "keep", tasks: [webArn] })).tasks;
      return t.lastStatus === "STOPPED" ? t : undefined;
    });
    expect(webStopped.stopCode).toBe("EssentialContainerExited");
    expect(webStopped.containers[0].exitCode).toBe(137);

    // And the history the last run added (the reports) is itself kept: a third start agrees.
    await server!.stop();
    await start();
    const [again] = (await ecs("DescribeTasks", { cluster: "keep", tasks: [webArn] })).tasks;
    expect(again.lastStatus).toBe("STOPPED");
    expect(again.containers[0].exitCode).toBe(137);
    const kept = await logs("GetLogEvents", { logGroupName: "/ecs/restart", logStreamName: `ecs/talk/${idOf(talkArn)}`, startFromHead: true });
    expect(kept.events.map((e: any) => e.message)).toEqual(["one", "two"]);
    expect((await ecs("ListTasks", { cluster: "keep", serviceName: "svc" })).taskArns).toEqual([svcArn]);

    // A reset removes what the server started, as without a state directory.
    server!.reset();
    await until("the service's container to be removed on reset", async () => !(await exists(svcTask.containers[0].runtimeId)));
  }, 120_000);

  it("starts again a task cut short while starting, and carries out a stop cut short", async () => {
    if (!server) await start();
    await ecs("CreateCluster", { clusterName: "cut" });
    const doc = { instanceId: "i-0000000000000abc2", instanceType: "t3.medium", availabilityZone: "us-east-1a", region: "us-east-1" };
    await ecs("RegisterContainerInstance", { cluster: "cut", instanceIdentityDocument: JSON.stringify(doc) });
    // "app" waits for "db" to be healthy, which takes a few seconds: the task stays PENDING meanwhile.
    const db = { name: "db", image: IMAGE, memory: 32, command: ["sh", "-c", "sleep 3; touch /tmp/ok; exec sleep 600"], stopTimeout: 1, healthCheck: { command: ["CMD-SHELL", "test -f /tmp/ok"], interval: 5, timeout: 2, retries: 3 } };
    const app = { name: "app", image: IMAGE, memory: 32, command: ["sleep", "600"], stopTimeout: 1, dependsOn: [{ containerName: "db", condition: "HEALTHY" }] };
    await ecs("RegisterTaskDefinition", { family: "slow", containerDefinitions: [db, app] });
    // busybox sleep as PID 1 ignores SIGTERM: a stop waits its stopTimeout for the SIGKILL.
    await ecs("RegisterTaskDefinition", { family: "stubborn", containerDefinitions: [{ ...idle, stopTimeout: 6 }] });
    const taskOf = async (family: string) => (await ecs("RunTask", { cluster: "cut", taskDefinition: family })).tasks[0].taskArn as string;
    const stubborn = await taskOf("stubborn");
    await until("the stubborn task to run", async () => (await ecs("DescribeTasks", { cluster: "cut", tasks: [stubborn] })).tasks[0].lastStatus === "RUNNING", 30_000);
    const slow = await taskOf("slow");
    const containersOf = async (arn: string) => (await engine.call<{ Id: string }[]>("GET", `/containers/json?all=1&filters=${encodeURIComponent(JSON.stringify({ label: [`com.amazonaws.ecs.task-arn=${arn}`] }))}`)).map((c) => c.Id);
    const first = await until("the slow task's first container", async () => ((await containersOf(slow)).length === 1 ? await containersOf(slow) : undefined));
    await ecs("StopTask", { cluster: "cut", task: stubborn, reason: "cut short" });
    expect((await ecs("DescribeTasks", { cluster: "cut", tasks: [slow, stubborn] })).tasks.map((t: any) => t.lastStatus)).toEqual(["PENDING", "STOPPING"]);

    await server!.stop();
    await start();
    const [slowTask] = await until("the slow task to run after its start was done again", async () => {
      const { tasks } = await ecs("DescribeTasks", { cluster: "cut", tasks: [slow] });
      return tasks[0].lastStatus === "RUNNING" ? tasks : undefined;
    }, 40_000);
    expect(await exists(first[0])).toBe(false);
    expect(slowTask.containers.map((c: any) => c.runtimeId)).not.toContain(first[0]);
    const [stubbornTask] = await until("the stubborn task to stop", async () => {
      const { tasks } = await ecs("DescribeTasks", { cluster: "cut", tasks: [stubborn] });
      return tasks[0].lastStatus === "STOPPED" ? tasks : undefined;
    }, 40_000);
    expect(stubbornTask.stopCode).toBe("UserInitiated");
    expect(stubbornTask.stoppedReason).toBe("cut short");
    await until("the stopped task's container to be removed", async () => (await containersOf(stubborn)).length === 0);
  }, 120_000);
});
