// RegisterTaskDefinition: the defaults ECS fills in that IaC tools diff against, and Fargate's namespace rules.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fargateTaskDefinition } from "../helpers/fixtures.js";
import { startLocal, type TestLocal } from "../helpers/local.js";

let t: TestLocal;
beforeAll(async () => (t = await startLocal()));
afterAll(() => t.close());

describe("defaults ECS fills in", () => {
  it("answers a health check given only its command with interval 30, timeout 5, retries 3", async () => {
    const command = ["CMD-SHELL", "curl -f http://localhost/ || exit 1"];
    const r = await t.ecs("RegisterTaskDefinition", {
      family: "hc",
      containerDefinitions: [
        { name: "a", image: "nginx", memory: 128, healthCheck: { command } },
        { name: "b", image: "nginx", memory: 128, healthCheck: { command, interval: 10, retries: 5, startPeriod: 60 } },
      ],
    });
    const [a, b] = r.taskDefinition!.containerDefinitions!;
    expect(a.healthCheck).toEqual({ command, interval: 30, timeout: 5, retries: 3 });
    expect(b.healthCheck).toEqual({ command, interval: 10, timeout: 5, retries: 5, startPeriod: 60 });
    const described = await t.ecs("DescribeTaskDefinition", { taskDefinition: "hc" });
    expect(described.taskDefinition!.containerDefinitions![0].healthCheck).toEqual({ command, interval: 30, timeout: 5, retries: 3 });
  });

  it("answers an EFS volume without a root directory with rootDirectory '/'", async () => {
    const r = await t.ecs(
      "RegisterTaskDefinition",
      fargateTaskDefinition("efs", {
        volumes: [
          { name: "data", efsVolumeConfiguration: { fileSystemId: "fs-12345678" } },
          { name: "cache", efsVolumeConfiguration: { fileSystemId: "fs-12345678", rootDirectory: "/cache", transitEncryption: "ENABLED" } },
          { name: "scratch" },
        ],
      }),
    );
    expect(r.taskDefinition!.volumes).toEqual([
      { name: "data", efsVolumeConfiguration: { fileSystemId: "fs-12345678", rootDirectory: "/" } },
      { name: "cache", efsVolumeConfiguration: { fileSystemId: "fs-12345678", rootDirectory: "/cache", transitEncryption: "ENABLED" } },
      { name: "scratch" },
    ]);
  });
});

describe("Fargate's namespace rules", () => {
  it("refuses pidMode host and ipcMode on a Fargate definition, and registers nothing", async () => {
    const host = await t.ecsError("RegisterTaskDefinition", fargateTaskDefinition("pid", { pidMode: "host" }));
    expect(`${host.code}: ${host.message}`).toBe("ClientException: Tasks using the Fargate launch type do not support pidMode 'host'. The supported value for pidMode is 'task'.");
    const ipc = await t.ecsError("RegisterTaskDefinition", fargateTaskDefinition("pid", { ipcMode: "task" }));
    expect(`${ipc.code}: ${ipc.message}`).toBe("ClientException: Tasks using the Fargate launch type do not support ipcMode.");
    expect((await t.ecs("ListTaskDefinitionFamilies", { familyPrefix: "pid" })).families).toEqual([]);
    const task = await t.ecs("RegisterTaskDefinition", fargateTaskDefinition("pid", { pidMode: "task" }));
    expect(task.taskDefinition!.pidMode).toBe("task");
    expect(task.taskDefinition!.compatibilities).toEqual(["EC2", "FARGATE"]);
  });

  it("keeps an EC2 definition with pidMode host", async () => {
    const r = await t.ecs("RegisterTaskDefinition", { family: "pidec2", pidMode: "host", containerDefinitions: [{ name: "a", image: "nginx", memory: 128 }] });
    expect(r.taskDefinition!.pidMode).toBe("host");
  });
});
