// ECR end to end with a real engine: `aws ecr create-repository`, `aws ecr get-login-password |
// docker login`, `docker tag` + `docker push` of the test image, `aws ecr describe-images` showing
// the pushed digest, a push to a repository ECR does not know refused in ECR's words, and a task
// whose containers name the image in AWS's form and in the local form, run from ecs-local's registry
// (and one naming a tag the repository lacks, stopped with ECS's CannotPullContainerError).
// Skipped, with the reason, without an engine, the docker-registry binary or the aws CLI.
import { execFile, spawn } from "node:child_process";
import { rmSync } from "node:fs";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { awsCli, clientEnv, cliPresent } from "../e2e/tools.js";
import { call, dockerUnavailable, IMAGE, importBusybox, startDockerLocal, until, type DockerLocal } from "../helpers/docker.js";
import { tempDir } from "../helpers/tempDir.js";

const run = promisify(execFile);
const why =
  (await dockerUnavailable()) ??
  (await run("docker-registry", ["--version"]).then(() => undefined, () => "no docker-registry on PATH (apt-get install docker-registry)")) ??
  (cliPresent ? undefined : "no aws CLI");
if (why) console.warn(`SKIPPED the ECR end-to-end suite: ${why}`);

const ACCOUNT = "000000000000";
let s: DockerLocal;
let host: string;
// docker login writes here, never to the user's own configuration.
const dockerEnv = () => ({ ...process.env, DOCKER_CONFIG: dockerConfig });
let dockerConfig: string;
const made: string[] = [];

const aws = async (...args: string[]) => JSON.parse((await awsCli(["ecr", ...args, "--endpoint-url", s.url, "--output", "json"], { env: clientEnv() })).stdout || "{}");
const docker = (...args: string[]) => run("docker", args, { env: dockerEnv(), timeout: 120_000 });
const ecs = (op: string, input: unknown) => call(s.url, "ecs", op, input);

/** `docker login` reading the password from its standard input, as `aws ecr get-login-password | docker login --password-stdin` does. */
function login(password: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn("docker", ["login", "--username", "AWS", "--password-stdin", host], { env: dockerEnv() });
    let out = "";
    child.stdout.on("data", (c: Buffer) => (out += c.toString()));
    child.stderr.on("data", (c: Buffer) => (out += c.toString()));
    child.on("exit", (code) => (code === 0 ? resolve(out) : reject(new Error(`docker login exited with ${code}: ${out}`))));
    child.stdin.end(password);
  });
}

describe.skipIf(!!why)("ECR with Docker", () => {
  beforeAll(async () => {
    dockerConfig = tempDir("ecs-local-docker-config-");
    await importBusybox();
    s = await startDockerLocal({ taskEndpointPort: 0 });
    host = `localhost:${new URL(s.url).port}`;
    await ecs("CreateCluster", { clusterName: "ecr" });
    const doc = { instanceId: "i-0000000000000e0c1", instanceType: "t3.medium", availabilityZone: "us-east-1a", region: "us-east-1" };
    await ecs("RegisterContainerInstance", { cluster: "ecr", instanceIdentityDocument: JSON.stringify(doc) });
  }, 60_000);
  afterAll(async () => {
    await s?.close();
    for (const ref of made) await docker("rmi", ref).catch(() => undefined);
    rmSync(dockerConfig ?? "/nonexistent", { recursive: true, force: true });
  }, 60_000);

  it("takes docker login and docker push, refuses a push to a repository ECR does not know, and runs the pushed image in a task", async () => {
    const { repository } = await aws("create-repository", "--repository-name", "ecr-test/app");
    expect(repository.repositoryUri).toBe(`${host}/ecr-test/app`);
    const password = (await awsCli(["ecr", "get-login-password", "--endpoint-url", s.url], { env: clientEnv() })).stdout.trim();
    expect(await login(password)).toContain("Login Succeeded");

    const tagged = `${repository.repositoryUri}:v1`;
    made.push(tagged);
    await docker("tag", IMAGE, tagged);
    const push = await docker("push", tagged);
    const digest = /digest: (sha256:[0-9a-f]{64})/.exec(push.stdout)?.[1];
    expect(digest).toMatch(/^sha256:/);
    const described = await aws("describe-images", "--repository-name", "ecr-test/app");
    expect(described.imageDetails).toMatchObject([{ registryId: ACCOUNT, repositoryName: "ecr-test/app", imageDigest: digest, imageTags: ["v1"] }]);

    const stray = `${host}/not-created:v1`;
    made.push(stray);
    await docker("tag", IMAGE, stray);
    const refused = await docker("push", stray).then(() => "pushed", (e: { stderr: string }) => e.stderr);
    expect(refused).toContain(`name unknown: The repository with name 'not-created' does not exist in the registry with id '${ACCOUNT}'`);

    // The engine has the image only from the registry now: the task pulls it through ecs-local's /v2/.
    await docker("rmi", tagged, stray);
    made.push(`${host}/ecr-test/app@${digest}`);
    const logging = (prefix: string) => ({ logDriver: "awslogs", options: { "awslogs-group": "/ecs/ecr", "awslogs-region": "us-east-1", "awslogs-stream-prefix": prefix, "awslogs-create-group": "true" } });
    await ecs("RegisterTaskDefinition", {
      family: "from-ecr",
      containerDefinitions: [
        { name: "aws-form", image: `${ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com/ecr-test/app:v1`, memory: 32, essential: false, command: ["echo", "aws form ran"], logConfiguration: logging("a") },
        { name: "local-form", image: tagged, memory: 32, command: ["sh", "-c", "echo local form ran; exec sleep 600"], stopTimeout: 1, logConfiguration: logging("l") },
      ],
    });
    const arn = (await ecs("RunTask", { cluster: "ecr", taskDefinition: "from-ecr" })).tasks[0].taskArn as string;
    const task = await until("the task to run", async () => {
      const t = (await ecs("DescribeTasks", { cluster: "ecr", tasks: [arn] })).tasks[0];
      if (t.lastStatus === "STOPPED") throw new Error(`the task stopped: ${t.stoppedReason}`);
      return t.lastStatus === "RUNNING" ? t : undefined;
    }, 60_000);
    expect(task.containers.map((c: { name: string; imageDigest: string }) => [c.name, c.imageDigest]).sort()).toEqual([
      ["aws-form", digest],
      ["local-form", digest],
    ]);
    const id = arn.split("/").pop();
    for (const [prefix, name, line] of [["a", "aws-form", "aws form ran"], ["l", "local-form", "local form ran"]]) {
      const events = await until(`${name}'s output`, async () => {
        const out = await call(s.url, "logs", "GetLogEvents", { logGroupName: "/ecs/ecr", logStreamName: `${prefix}/${name}/${id}` }).catch(() => undefined);
        return out?.events?.length ? out.events : undefined;
      }, 30_000);
      expect(events[0].message).toBe(line);
    }
    await ecs("StopTask", { cluster: "ecr", task: arn });

    // A tag the repository does not hold: the pull fails as ECS reports it, naming the image as the task definition does.
    const missing = `${ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com/ecr-test/app:v9`;
    await ecs("RegisterTaskDefinition", { family: "missing-tag", containerDefinitions: [{ name: "app", image: missing, memory: 32 }] });
    const failed = (await ecs("RunTask", { cluster: "ecr", taskDefinition: "missing-tag" })).tasks[0].taskArn as string;
    const stopped = await until("the task to stop", async () => {
      const t = (await ecs("DescribeTasks", { cluster: "ecr", tasks: [failed] })).tasks[0];
      return t.lastStatus === "STOPPED" ? t : undefined;
    }, 60_000);
    expect([stopped.stopCode, stopped.stoppedReason]).toEqual(["TaskFailedToStart", `CannotPullContainerError: Error response from daemon: manifest for ${missing} not found: manifest unknown: Requested image not found`]);
  }, 180_000);
});
