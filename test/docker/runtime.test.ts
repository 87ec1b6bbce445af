// Tasks as real containers (--runtime docker) against a Docker engine on this machine: the lab's
// flow, state flowing back from the engine, images, health, dependsOn and logs. Skipped, with the
// reason, when no engine answers (.ci/docker.sh starts two for CI).
import { CreateRoleCommand, IAMClient } from "@aws-sdk/client-iam";
import { CreateBucketCommand, PutObjectCommand } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SUBNETS } from "../helpers/fixtures.js";
import { s3Client } from "../helpers/s3.js";
import { Engine } from "../../src/runtime/docker/engine.js";
import { clientEnv, cliPresent, awsCli } from "../e2e/tools.js";
import { call, DOCKER_HOST, dockerUnavailable, IMAGE, importBusybox, page, startDockerLocal, until, type DockerLocal } from "../helpers/docker.js";

const why = await dockerUnavailable();
if (why) console.warn(`SKIPPED the Docker runtime suite: ${why}`);

let s: DockerLocal;
let engine: Engine;
const ecs = (op: string, input: unknown) => call(s.url, "ecs", op, input);
const taskId = (arn: string) => arn.split("/").pop()!;

const awslogs = (group: string) => ({ logDriver: "awslogs", options: { "awslogs-group": group, "awslogs-region": "us-east-1", "awslogs-stream-prefix": "ecs", "awslogs-create-group": "true" } });
/** busybox httpd ignores SIGTERM as PID 1, so a short stopTimeout keeps stops quick (SIGKILL after 1 s). */
const web = { name: "web", image: IMAGE, memory: 32, command: ["httpd", "-f", "-p", "80", "-h", "/www"], portMappings: [{ containerPort: 80, hostPort: 0 }], stopTimeout: 1, logConfiguration: awslogs("/ecs/web") };

async function registerInstances(cluster: string, hosts: (string | undefined)[]): Promise<string[]> {
  const arns: string[] = [];
  for (const [i, host] of hosts.entries()) {
    const doc = { instanceId: `i-00000000000000${cluster.length}${i}`, instanceType: "t3.medium", availabilityZone: `us-east-1${"ab"[i % 2]}`, region: "us-east-1" };
    const out = await ecs("RegisterContainerInstance", { cluster, instanceIdentityDocument: JSON.stringify(doc), ...(host ? { attributes: [{ name: "ecs-local.docker-host", value: host }] } : {}) });
    arns.push(out.containerInstance.containerInstanceArn);
  }
  return arns;
}

async function describe1(cluster: string, arn: string): Promise<any> {
  return (await ecs("DescribeTasks", { cluster, tasks: [arn] })).tasks[0];
}

function statusIs(cluster: string, arns: string[], status: string, ms = 20_000): Promise<any[]> {
  return until(`tasks ${arns.map(taskId).join(", ")} to be ${status}`, async () => {
    const { tasks } = await ecs("DescribeTasks", { cluster, tasks: arns });
    return tasks.every((t: any) => t.lastStatus === status) ? tasks : undefined;
  }, ms);
}

describe.skipIf(!!why)("Docker runtime", () => {
  beforeAll(async () => {
    await importBusybox();
    engine = new Engine(DOCKER_HOST);
    s = await startDockerLocal();
    await ecs("CreateCluster", { clusterName: "lab" });
    await registerInstances("lab", [undefined, undefined]);
    await ecs("RegisterTaskDefinition", { family: "web", containerDefinitions: [web] });
  }, 60_000);
  afterAll(async () => {
    await s?.close();
    engine?.destroy();
  });

  it("runs a web task on each of two instances, each answering on its mapped host port", async () => {
    const { tasks, failures } = await ecs("RunTask", { cluster: "lab", taskDefinition: "web", count: 2 });
    expect(failures).toEqual([]);
    expect(new Set(tasks.map((t: any) => t.containerInstanceArn)).size).toBe(2);
    const running = await statusIs("lab", tasks.map((t: any) => t.taskArn), "RUNNING");
    for (const t of running) {
      expect(t.containers[0].runtimeId).toMatch(/^[0-9a-f]{64}$/);
      expect(t.containers[0].networkBindings[0]).toMatchObject({ containerPort: 80, protocol: "tcp" });
      expect(t.containers[0].networkBindings[0].hostPort).toBeGreaterThanOrEqual(32768);
      expect(await page(t)).toContain("hello from busybox");
      const info = await engine.call("GET", `/containers/${t.containers[0].runtimeId}/json`);
      expect(info.Config.Labels["com.amazonaws.ecs.task-arn"]).toBe(t.taskArn);
      expect(info.Config.Labels["com.amazonaws.ecs.cluster"]).toBe("lab");
      expect(info.HostConfig.Memory).toBe(32 * 1024 * 1024);
    }
    for (const t of running) await ecs("StopTask", { cluster: "lab", task: t.taskArn });
    const stopped = await statusIs("lab", running.map((t) => t.taskArn), "STOPPED");
    expect(stopped.map((t) => [t.stopCode, t.stoppedReason])).toEqual([["UserInitiated", "Task stopped by user"], ["UserInitiated", "Task stopped by user"]]);
    // SIGTERM is ignored by httpd as PID 1, so the engine killed it after the stop timeout.
    expect(stopped.map((t) => t.containers[0].exitCode)).toEqual([137, 137]);
    await until("the stopped tasks' containers to be removed", async () => {
      const filters = encodeURIComponent(JSON.stringify({ label: running.map((t) => `com.amazonaws.ecs.task-arn=${t.taskArn}`) }));
      return (await engine.call("GET", `/containers/json?all=1&filters=${filters}`)).length === 0;
    });
  });

  it("removes the containers it started on reset, and leaves those of another server alone", async () => {
    const other = await startDockerLocal();
    try {
      const mine = (await ecs("RunTask", { cluster: "lab", taskDefinition: "web" })).tasks[0].taskArn;
      await call(other.url, "ecs", "CreateCluster", { clusterName: "lab" });
      await call(other.url, "ecs", "RegisterContainerInstance", { cluster: "lab", instanceIdentityDocument: JSON.stringify({ instanceId: "i-0000000000000777", instanceType: "t3.medium", availabilityZone: "us-east-1a", region: "us-east-1" }) });
      await call(other.url, "ecs", "RegisterTaskDefinition", { family: "web", containerDefinitions: [web] });
      const theirs = (await call(other.url, "ecs", "RunTask", { cluster: "lab", taskDefinition: "web" })).tasks[0].taskArn;
      const [a] = await statusIs("lab", [mine], "RUNNING");
      const b = await until("the other server's task to run", async () => {
        const t = (await call(other.url, "ecs", "DescribeTasks", { cluster: "lab", tasks: [theirs] })).tasks[0];
        return t.lastStatus === "RUNNING" ? t : undefined;
      });
      const exists = (id: string) => engine.call("GET", `/containers/${id}/json`).then(() => true, () => false);
      const res = await fetch(`${s.url}/_ecs-local/reset`, { method: "POST" });
      expect(res.status).toBe(200);
      await until("the reset server's container to be removed", async () => !(await exists(a.containers[0].runtimeId)));
      expect(await exists(b.containers[0].runtimeId)).toBe(true);
    } finally {
      await other.close();
      await ecs("CreateCluster", { clusterName: "lab" });
      await registerInstances("lab", [undefined, undefined]);
      await ecs("RegisterTaskDefinition", { family: "web", containerDefinitions: [web] });
    }
  });

  it("gives an awsvpc task one network namespace, its containers reaching each other on localhost, at its ENI address", async () => {
    await ecs("RegisterTaskDefinition", {
      family: "pod",
      networkMode: "awsvpc",
      containerDefinitions: [
        { name: "web", image: IMAGE, memory: 16, command: ["httpd", "-f", "-p", "80", "-h", "/www"], portMappings: [{ containerPort: 80 }], stopTimeout: 1 },
        { name: "probe", image: IMAGE, memory: 16, essential: false, command: ["sh", "-c", "sleep 1; wget -q -O - http://127.0.0.1:80/"], logConfiguration: awslogs("/ecs/pod") },
      ],
    });
    const { tasks } = await ecs("RunTask", { cluster: "lab", taskDefinition: "pod", networkConfiguration: SUBNETS });
    const [task] = await statusIs("lab", [tasks[0].taskArn], "RUNNING");
    const ip = task.attachments[0].details.find((d: any) => d.name === "privateIPv4Address").value;
    expect(task.containers.map((c: any) => c.networkInterfaces[0].privateIpv4Address)).toEqual([ip, ip]);
    expect(await (await fetch(`http://${ip}:80/`, { signal: AbortSignal.timeout(2000) })).text()).toContain("hello from busybox");
    const probe = await until("the probe to exit", async () => {
      const t = await describe1("lab", task.taskArn);
      return t.containers[1].lastStatus === "STOPPED" ? t.containers[1] : undefined;
    });
    expect(probe.exitCode).toBe(0);
    const logged = await call(s.url, "logs", "GetLogEvents", { logGroupName: "/ecs/pod", logStreamName: `ecs/probe/${taskId(task.taskArn)}` });
    expect(logged.events.map((e: any) => e.message)).toContain("<h1>hello from busybox</h1>");
    await ecs("StopTask", { cluster: "lab", task: task.taskArn });
    await statusIs("lab", [task.taskArn], "STOPPED");
  });

  it("brings back a service's container stopped with docker stop while the other keeps answering; a standalone task stays stopped", async () => {
    await ecs("CreateService", { cluster: "lab", serviceName: "web", taskDefinition: "web", desiredCount: 2 });
    const first = await until("the service to run 2 tasks", async () => {
      const arns = (await ecs("ListTasks", { cluster: "lab", serviceName: "web" })).taskArns;
      if (arns.length !== 2) return undefined;
      const { tasks } = await ecs("DescribeTasks", { cluster: "lab", tasks: arns });
      return tasks.every((t: any) => t.lastStatus === "RUNNING") ? tasks : undefined;
    });
    const [victim, survivor] = first;
    await engine.call("POST", `/containers/${victim.containers[0].runtimeId}/stop?t=1`);
    const stopped = await until("the stopped container's task to stop", async () => {
      const t = await describe1("lab", victim.taskArn);
      expect(await page(survivor)).toContain("hello from busybox");
      return t.lastStatus === "STOPPED" ? t : undefined;
    });
    expect(stopped.stopCode).toBe("EssentialContainerExited");
    expect(stopped.stoppedReason).toBe("Essential container in task exited");
    expect(stopped.containers[0].exitCode).toBe(137);
    const replaced = await until("the service to replace the task", async () => {
      const arns: string[] = (await ecs("ListTasks", { cluster: "lab", serviceName: "web" })).taskArns;
      const fresh = arns.filter((a) => a !== victim.taskArn && a !== survivor.taskArn);
      if (fresh.length !== 1) return undefined;
      const t = await describe1("lab", fresh[0]);
      return t.lastStatus === "RUNNING" ? t : undefined;
    });
    expect(await page(replaced)).toContain("hello from busybox");
    expect(await page(survivor)).toContain("hello from busybox");

    const { tasks } = await ecs("RunTask", { cluster: "lab", taskDefinition: "web" });
    const [alone] = await statusIs("lab", [tasks[0].taskArn], "RUNNING");
    await engine.call("POST", `/containers/${alone.containers[0].runtimeId}/stop?t=1`);
    const [gone] = await statusIs("lab", [alone.taskArn], "STOPPED");
    expect(gone.stopCode).toBe("EssentialContainerExited");
    expect((await ecs("ListTasks", { cluster: "lab", startedBy: "nobody" })).taskArns).toEqual([]);
    const standalone = (await ecs("ListTasks", { cluster: "lab", family: "web" })).taskArns.filter((a: string) => a !== replaced.taskArn && a !== survivor.taskArn);
    expect(standalone).toEqual([]);

    await ecs("DeleteService", { cluster: "lab", service: "web", force: true });
    await statusIs("lab", [replaced.taskArn, survivor.taskArn], "STOPPED");
  });

  it("shows an exit code, an OOM kill and a failed pull in DescribeTasks, and the container's output in CloudWatch Logs", async () => {
    await ecs("RegisterTaskDefinition", {
      family: "exit3",
      containerDefinitions: [{ name: "job", image: IMAGE, memory: 16, command: ["sh", "-c", "echo hello from the task; echo to stderr >&2; exit 3"], logConfiguration: awslogs("/ecs/jobs") }],
    });
    await ecs("RegisterTaskDefinition", {
      family: "oom",
      containerDefinitions: [{ name: "hog", image: IMAGE, memory: 16, linuxParameters: { maxSwap: 0 }, command: ["dd", "if=/dev/zero", "of=/dev/null", "bs=64M", "count=1"] }],
    });
    await ecs("RegisterTaskDefinition", { family: "missing", containerDefinitions: [{ name: "x", image: "ecs-local-test/does-not-exist:1", memory: 16 }] });
    await ecs("RegisterTaskDefinition", {
      family: "nolog",
      containerDefinitions: [{ name: "x", image: IMAGE, memory: 16, command: ["true"], logConfiguration: { logDriver: "awslogs", options: { "awslogs-group": "/not/created", "awslogs-region": "us-east-1", "awslogs-stream-prefix": "ecs" } } }],
    });
    await ecs("RegisterTaskDefinition", {
      family: "stuck",
      containerDefinitions: [
        { name: "app", image: IMAGE, memory: 16, command: ["true"], startTimeout: 2, dependsOn: [{ containerName: "db", condition: "HEALTHY" }] },
        { name: "db", image: IMAGE, memory: 16, command: ["sleep", "600"], stopTimeout: 1 },
      ],
    });
    const started = [];
    for (const family of ["exit3", "oom", "missing", "nolog", "stuck"]) started.push((await ecs("RunTask", { cluster: "lab", taskDefinition: family })).tasks[0].taskArn);
    const [exit3, oom, missing, nolog, stuck] = await statusIs("lab", started, "STOPPED", 30_000);

    expect(stuck.stopCode).toBe("TaskFailedToStart");
    expect(stuck.stoppedReason).toBe("CannotStartContainerError: container app's dependencies were not resolved within its startTimeout of 2 seconds");

    expect(nolog.stopCode).toBe("TaskFailedToStart");
    expect(nolog.stoppedReason).toMatch(/^ResourceInitializationError: failed to validate logger args: .*ResourceNotFoundException: The specified log group does not exist\./);

    expect(exit3.stopCode).toBe("EssentialContainerExited");
    expect(exit3.stoppedReason).toBe("Essential container in task exited");
    expect(exit3.containers[0]).toMatchObject({ lastStatus: "STOPPED", exitCode: 3 });

    expect(oom.stopCode).toBe("EssentialContainerExited");
    expect(oom.stoppedReason).toBe("OutOfMemoryError: Container killed due to memory usage");
    expect(oom.containers[0]).toMatchObject({ exitCode: 137, reason: "OutOfMemoryError: Container killed due to memory usage" });

    expect(missing.stopCode).toBe("TaskFailedToStart");
    expect(missing.stoppedReason).toMatch(/^CannotPullContainerError: /);
    expect(missing.containers[0].exitCode).toBeUndefined();

    const stream = `ecs/job/${taskId(exit3.taskArn)}`;
    const events = (await call(s.url, "logs", "GetLogEvents", { logGroupName: "/ecs/jobs", logStreamName: stream, startFromHead: true })).events;
    expect(events.map((e: any) => e.message).sort()).toEqual(["hello from the task", "to stderr"]);

    // What a user types to read it; without the CLI this part is skipped, and says so.
    if (cliPresent) {
      const { stdout } = await awsCli(["logs", "get-log-events", "--log-group-name", "/ecs/jobs", "--log-stream-name", stream, "--start-from-head", "--endpoint-url", s.url, "--output", "json"], { env: clientEnv() });
      expect(JSON.parse(stdout).events.map((e: any) => e.message)).toContain("hello from the task");
    } else console.warn("SKIPPED the aws logs get-log-events check: no `aws` on PATH");
  }, 60_000);

  it("gives a container the values of its secrets from Parameter Store and Secrets Manager, and its environment files from S3, in its environment, and nowhere else", async () => {
    await call(s.url, "ssm", "PutParameter", { Name: "/shop/db-password", Type: "SecureString", Value: "pa55-w0rd" });
    const secret = await call(s.url, "secretsmanager", "CreateSecret", { Name: "shop/api", SecretString: JSON.stringify({ key: "k3y-value" }), ClientRequestToken: "11111111-2222-4333-8444-555555555555" });
    await s3Client(s).send(new CreateBucketCommand({ Bucket: "shop-config" }));
    await s3Client(s).send(new PutObjectCommand({ Bucket: "shop-config", Key: "app.env", Body: "# shop settings\nFROM_FILE=yes\nPLAIN=from-file\n" }));
    const container = {
      name: "app",
      image: IMAGE,
      memory: 32,
      command: ["sleep", "300"],
      stopTimeout: 1,
      environment: [{ name: "PLAIN", value: "visible" }],
      environmentFiles: [{ type: "s3", value: "arn:aws:s3:::shop-config/app.env" }],
      secrets: [
        { name: "DB_PASSWORD", valueFrom: "/shop/db-password" },
        { name: "API_KEY", valueFrom: `${secret.ARN}:key::` },
      ],
    };
    // ECS assumes the execution role (as ecs-tasks.amazonaws.com) before it reads the secrets with it.
    const iam = new IAMClient({ endpoint: s.url, region: "us-east-1", credentials: { accessKeyId: "test", secretAccessKey: "test" } });
    const trust = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: "ecs-tasks.amazonaws.com" }, Action: "sts:AssumeRole" }] };
    await iam.send(new CreateRoleCommand({ RoleName: "ecsTaskExecutionRole", AssumeRolePolicyDocument: JSON.stringify(trust) }));
    await ecs("RegisterTaskDefinition", { family: "secretive", executionRoleArn: "arn:aws:iam::000000000000:role/ecsTaskExecutionRole", containerDefinitions: [container] });
    const arn = (await ecs("RunTask", { cluster: "lab", taskDefinition: "secretive" })).tasks[0].taskArn;
    const [task] = await statusIs("lab", [arn], "RUNNING");
    const info = await engine.call("GET", `/containers/${task.containers[0].runtimeId}/json`);
    expect(info.Config.Env).toEqual(expect.arrayContaining(["PLAIN=visible", "FROM_FILE=yes", "DB_PASSWORD=pa55-w0rd", "API_KEY=k3y-value"]));
    expect(info.Config.Env).not.toContain("PLAIN=from-file");
    const described = JSON.stringify(await ecs("DescribeTasks", { cluster: "lab", tasks: [arn] }));
    expect(described).not.toContain("pa55-w0rd");
    expect(described).not.toContain("k3y-value");
    await ecs("StopTask", { cluster: "lab", task: arn });
    // A secret that cannot be read: nothing starts, the task stops with the agent's text.
    await ecs("RegisterTaskDefinition", { family: "secretive", executionRoleArn: "arn:aws:iam::000000000000:role/ecsTaskExecutionRole", containerDefinitions: [{ ...container, secrets: [{ name: "GONE", valueFrom: "/shop/missing" }] }] });
    const missing = (await ecs("RunTask", { cluster: "lab", taskDefinition: "secretive:2" })).tasks[0].taskArn;
    const [stopped] = await statusIs("lab", [missing], "STOPPED");
    expect([stopped.stopCode, stopped.stoppedReason]).toEqual([
      "TaskFailedToStart",
      "ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: unable to retrieve secrets from ssm: service call has been retried 1 time(s): invalid ssm parameters: /shop/missing",
    ]);
    expect(stopped.containers[0].runtimeId).toBeUndefined();
  });

  it("treats an engine that does not answer as a lost instance: its task stops, the service places the replacement elsewhere", async () => {
    await ecs("CreateCluster", { clusterName: "lost" });
    const [good, bad] = await registerInstances("lost", [undefined, "unix:///tmp/ecs-local-no-such-engine.sock"]);
    await ecs("RegisterTaskDefinition", { family: "sleeper", containerDefinitions: [{ name: "s", image: IMAGE, memory: 16, command: ["sleep", "600"], stopTimeout: 1 }] });
    await ecs("CreateService", { cluster: "lost", serviceName: "s", taskDefinition: "sleeper", desiredCount: 2 });
    const failed = await until("the task on the lost engine to stop", async () => {
      const arns = (await ecs("ListTasks", { cluster: "lost", desiredStatus: "STOPPED" })).taskArns;
      return arns.length ? describe1("lost", arns[0]) : undefined;
    });
    expect(failed.containerInstanceArn).toBe(bad);
    expect(failed.stopCode).toBe("TaskFailedToStart");
    expect(failed.stoppedReason).toBe("CannotStartContainerError: Cannot connect to the Docker daemon at unix:///tmp/ecs-local-no-such-engine.sock. Is the docker daemon running?");
    const running = await until("the service to run both tasks on the instance whose engine answers", async () => {
      const arns = (await ecs("ListTasks", { cluster: "lost", serviceName: "s" })).taskArns;
      if (arns.length !== 2) return undefined;
      const { tasks } = await ecs("DescribeTasks", { cluster: "lost", tasks: arns });
      return tasks.every((t: any) => t.lastStatus === "RUNNING") ? tasks : undefined;
    });
    expect(running.map((t: any) => t.containerInstanceArn)).toEqual([good, good]);
    const { containerInstances } = await ecs("DescribeContainerInstances", { cluster: "lost", containerInstances: [good, bad] });
    expect(containerInstances.map((ci: any) => ci.agentConnected)).toEqual([true, false]);
    await ecs("DeleteService", { cluster: "lost", service: "s", force: true });
    await statusIs("lost", running.map((t: any) => t.taskArn), "STOPPED");
  });

  it("starts containers in dependsOn order, and a failing health check stops a service's task", async () => {
    const healthy = { command: ["CMD-SHELL", "wget -q -O /dev/null http://127.0.0.1:80/ || exit 1"], interval: 5, timeout: 2, retries: 1 };
    await ecs("RegisterTaskDefinition", {
      family: "ordered",
      containerDefinitions: [
        { name: "app", image: IMAGE, memory: 16, command: ["sh", "-c", "echo app started; sleep 600"], stopTimeout: 1, dependsOn: [{ containerName: "init", condition: "SUCCESS" }, { containerName: "db", condition: "HEALTHY" }] },
        { name: "init", image: IMAGE, memory: 16, essential: false, command: ["sh", "-c", "sleep 1; echo init done"] },
        { name: "db", image: IMAGE, memory: 16, command: ["httpd", "-f", "-p", "80", "-h", "/www"], stopTimeout: 1, healthCheck: healthy },
      ],
    });
    await ecs("RegisterTaskDefinition", {
      family: "sick",
      containerDefinitions: [{ name: "web", image: IMAGE, memory: 16, command: ["httpd", "-f", "-p", "80", "-h", "/www"], stopTimeout: 1, healthCheck: { ...healthy, command: ["CMD-SHELL", "exit 1"] } }],
    });
    const orderedArn = (await ecs("RunTask", { cluster: "lab", taskDefinition: "ordered" })).tasks[0].taskArn;
    await ecs("CreateService", { cluster: "lab", serviceName: "sick", taskDefinition: "sick", desiredCount: 1 });

    const [ordered] = await statusIs("lab", [orderedArn], "RUNNING", 30_000);
    const byName = Object.fromEntries(ordered.containers.map((c: any) => [c.name, c]));
    expect(byName.init).toMatchObject({ lastStatus: "STOPPED", exitCode: 0 });
    expect(byName.db.healthStatus).toBe("HEALTHY");
    expect(ordered.healthStatus).toBe("HEALTHY");
    const inspect = async (name: string) => engine.call("GET", `/containers/${byName[name].runtimeId}/json`);
    const [app, init, db] = [await inspect("app"), await inspect("init"), await inspect("db")];
    const t = (iso: string) => Date.parse(iso);
    expect(t(app.State.StartedAt)).toBeGreaterThanOrEqual(t(init.State.FinishedAt));
    expect(t(app.State.StartedAt)).toBeGreaterThanOrEqual(t(db.State.Health.Log[0].End));
    expect(t(init.State.StartedAt)).toBeLessThan(t(app.State.StartedAt));

    const sickTask = await until("the sick service's task to be stopped for its health check", async () => {
      const arns = (await ecs("ListTasks", { cluster: "lab", serviceName: "sick", desiredStatus: "STOPPED" })).taskArns;
      if (!arns.length) return undefined;
      const task = await describe1("lab", arns[0]);
      return task.lastStatus === "STOPPED" ? task : undefined;
    }, 30_000);
    expect(sickTask.stoppedReason).toBe("Task failed container health checks");
    expect(sickTask.stopCode).toBe("ServiceSchedulerInitiated");
    expect(sickTask.containers[0].healthStatus).toBe("UNHEALTHY");
    await until("the sick service to start a replacement", async () => (await ecs("ListTasks", { cluster: "lab", serviceName: "sick" })).taskArns.some((a: string) => a !== sickTask.taskArn) || undefined);
    await ecs("DeleteService", { cluster: "lab", service: "sick", force: true });
    await ecs("StopTask", { cluster: "lab", task: orderedArn });
    await statusIs("lab", [orderedArn], "STOPPED");
    // Stopped in reverse dependency order: app before db (the engine's event history outlives the containers).
    const filters = encodeURIComponent(JSON.stringify({ type: ["container"], event: ["die"], label: [`com.amazonaws.ecs.task-arn=${orderedArn}`] }));
    const history = await engine.call("GET", `/events?since=${Math.floor(Date.parse(app.Created) / 1000) - 1}&until=${Math.ceil(Date.now() / 1000) + 1}&filters=${filters}`);
    const deaths = String(history).trim().split("\n").map((l) => JSON.parse(l)).map((e) => e.Actor.Attributes["com.amazonaws.ecs.container-name"]);
    expect(deaths.filter((n) => n !== "init")).toEqual(["app", "db"]);
  }, 60_000);
});

const second = process.env.ECS_LOCAL_TEST_DOCKER_HOST_2;
const whyNotTwo = why ?? (second ? await dockerUnavailable(second) : "no second engine (ECS_LOCAL_TEST_DOCKER_HOST_2 unset; .ci/docker.sh starts one)");
if (!why && whyNotTwo) console.warn(`SKIPPED the two-engine test: ${whyNotTwo}`);

describe.skipIf(!!whyNotTwo)("Docker runtime over two engines", () => {
  let local: DockerLocal;
  afterAll(async () => local?.close());

  it("places tasks on instances of both engines, each container on its own engine", async () => {
    await importBusybox(second);
    local = await startDockerLocal();
    const c = (op: string, input: unknown) => call(local.url, "ecs", op, input);
    await c("CreateCluster", { clusterName: "two" });
    const hosts = [DOCKER_HOST, second!];
    for (const [i, host] of hosts.entries()) {
      const doc = { instanceId: `i-0000000000000009${i}`, instanceType: "t3.medium", availabilityZone: "us-east-1a", region: "us-east-1" };
      await c("RegisterContainerInstance", { cluster: "two", instanceIdentityDocument: JSON.stringify(doc), attributes: [{ name: "ecs-local.docker-host", value: host }] });
    }
    await c("RegisterTaskDefinition", { family: "web", containerDefinitions: [web] });
    const { tasks } = await c("RunTask", { cluster: "two", taskDefinition: "web", count: 2 });
    const running = await until("both tasks to run", async () => {
      const d = (await c("DescribeTasks", { cluster: "two", tasks: tasks.map((t: any) => t.taskArn) })).tasks;
      return d.every((t: any) => t.lastStatus === "RUNNING") ? d : undefined;
    });
    const engines = hosts.map((h) => new Engine(h));
    try {
      const where = await Promise.all(
        running.map(async (t: any) => {
          const on = await Promise.all(engines.map((e) => e.call("GET", `/containers/${t.containers[0].runtimeId}/json`).then(() => true, () => false)));
          return on.indexOf(true);
        }),
      );
      expect(where.sort()).toEqual([0, 1]);
      for (const t of running) expect(await page(t)).toContain("hello from busybox");
    } finally {
      for (const e of engines) e.destroy();
    }
  });
});
