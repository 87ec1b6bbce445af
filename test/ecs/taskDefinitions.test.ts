// RegisterTaskDefinition: validation, errors with ECS's texts, and what a registration stores.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fargateTaskDefinition } from "../helpers/fixtures.js";
import { startLocal, type TestLocal } from "../helpers/local.js";

let t: TestLocal;
beforeAll(async () => (t = await startLocal()));
afterAll(() => t.close());

const web = (extra: Record<string, unknown> = {}) => ({ name: "web", image: "nginx:latest", memory: 256, ...extra });
const fargate = (extra: Record<string, unknown> = {}) => fargateTaskDefinition("fg", extra);

async function refused(input: unknown) {
  const e = await t.ecsError("RegisterTaskDefinition", input);
  expect(e.status).toBe(400);
  return `${e.code}: ${e.message}`;
}

describe("validation", () => {
  it("requires family and containerDefinitions", async () => {
    expect((await t.ecsError("RegisterTaskDefinition", { family: "x" })).code).toBe("ValidationException");
    expect((await t.ecsError("RegisterTaskDefinition", { containerDefinitions: [web()] })).code).toBe("ValidationException");
  });

  it("checks the family name", async () => {
    expect(await refused({ family: "bad name", containerDefinitions: [web()] })).toBe("ClientException: Family contains invalid characters.");
    expect(await refused({ family: "a".repeat(256), containerDefinitions: [web()] })).toBe("ClientException: Family contains invalid characters.");
    expect(await refused({ family: "", containerDefinitions: [web()] })).toBe("ClientException: Family can not be blank.");
  });

  it("checks the container list", async () => {
    expect(await refused({ family: "f", containerDefinitions: [] })).toBe("ClientException: Container list cannot be empty.");
    const eleven = Array.from({ length: 11 }, (_, i) => web({ name: `c${i}` }));
    expect(await refused({ family: "f", containerDefinitions: eleven })).toBe("ClientException: Too many containers.");
    expect(await refused({ family: "f", containerDefinitions: [web(), web()] })).toBe("ClientException: Container names must be unique.");
  });

  it("checks container names and images", async () => {
    expect(await refused({ family: "f", containerDefinitions: [web({ name: "my app" })] })).toBe("ClientException: Container.name contains invalid characters.");
    expect(await refused({ family: "f", containerDefinitions: [{ image: "nginx", memory: 1 }] })).toBe("ClientException: Container.name should not be null or empty.");
    expect(await refused({ family: "f", containerDefinitions: [{ name: "a", memory: 1 }] })).toBe("ClientException: Container.image should not be null or empty.");
    expect(await refused({ family: "f", containerDefinitions: [web({ image: "$IMAGE:$TAG" })] })).toBe("ClientException: Container.image contains invalid characters.");
  });

  it("needs container or task memory", async () => {
    expect(await refused({ family: "f", containerDefinitions: [{ name: "worker", image: "busybox" }] })).toBe(
      "ClientException: Invalid setting for container 'worker'. At least one of 'memory' or 'memoryReservation' must be specified.",
    );
    expect(await refused({ family: "f", containerDefinitions: [web({ memory: 128, memoryReservation: 256 })] })).toBe(
      "ClientException: Invalid setting for container 'web'. 'memory' must be greater than or equal to 'memoryReservation'.",
    );
    expect(await refused({ family: "f", memory: "512", containerDefinitions: [web({ name: "worker", memory: 1024 })] })).toBe(
      "ClientException: The 'memory' setting for container 'worker' is greater than for the task.",
    );
    const reserved = [web({ name: "a", memory: undefined, memoryReservation: 300 }), web({ name: "b", memory: undefined, memoryReservation: 300 })];
    expect(await refused({ family: "f", memory: "512", containerDefinitions: reserved })).toBe(
      "ClientException: The sum of all container 'memoryReservation' values cannot be greater than the value of the task 'memory'.",
    );
  });

  it("checks task cpu and memory values", async () => {
    expect(await refused({ family: "f", cpu: "lots", containerDefinitions: [web()] })).toBe("ClientException: Invalid 'cpu' setting for task.");
    expect(await refused({ family: "f", cpu: "64", containerDefinitions: [web()] })).toBe("ClientException: Invalid 'cpu' setting for task.");
    expect(await refused({ family: "f", memory: "much", containerDefinitions: [web()] })).toBe("ClientException: Invalid 'memory' setting for task.");
  });

  it("holds Fargate definitions to Fargate's rules", async () => {
    expect(await refused(fargate({ cpu: undefined }))).toBe("ClientException: Fargate requires that 'cpu' be defined at the task level.");
    expect(await refused(fargate({ memory: undefined }))).toBe("ClientException: Fargate requires that 'memory' be defined at the task level.");
    expect(await refused(fargate({ networkMode: "bridge" }))).toBe("ClientException: Fargate only supports network mode \u2018awsvpc\u2019.");
    expect(await refused(fargate({ cpu: "512", memory: "512" }))).toBe(
      "ClientException: No Fargate configuration exists for given values: 512 CPU, 512 memory. See the Amazon ECS documentation for the valid values.",
    );
    expect(await refused(fargate({ cpu: "1 vCPU", memory: "9 GB" }))).toBe(
      "ClientException: No Fargate configuration exists for given values: 1024 CPU, 9216 memory. See the Amazon ECS documentation for the valid values.",
    );
  });

  it("requires matching ports under awsvpc and host", async () => {
    const ports = [web({ portMappings: [{ containerPort: 80, hostPort: 8080 }] })];
    expect(await refused({ family: "f", networkMode: "awsvpc", containerDefinitions: ports })).toBe(
      "ClientException: When networkMode=awsvpc, the host ports and container ports in port mappings must match.",
    );
    expect(await refused({ family: "f", networkMode: "host", containerDefinitions: ports })).toBe(
      "ClientException: When networkMode=host, the host ports and container ports in port mappings must match.",
    );
  });

  it("checks tags", async () => {
    expect(await refused({ family: "f", containerDefinitions: [web()], tags: [{ key: "aws:x", value: "1" }] })).toBe(
      "InvalidParameterException: Tag keys prefixed with 'aws:' are reserved for AWS use.",
    );
  });

  it("leaves state untouched after a refusal: no family, no revision consumed", async () => {
    await refused({ family: "untouched", containerDefinitions: [{ name: "w", image: "busybox" }] });
    await refused({ family: "untouched", containerDefinitions: [web()], tags: [{ key: "aws:x" }] });
    const families = await t.ecs("ListTaskDefinitionFamilies", { familyPrefix: "untouched" });
    expect(families.families).toEqual([]);
    const ok = await t.ecs("RegisterTaskDefinition", { family: "untouched", containerDefinitions: [web()] });
    expect(ok.taskDefinition!.revision).toBe(1);
  });
});

describe("functionality", () => {
  it("answers an EC2 definition with ECS's defaults", async () => {
    t.clock.set(Date.UTC(2026, 0, 2));
    const r = await t.ecs("RegisterTaskDefinition", {
      family: "sleep360",
      containerDefinitions: [{ name: "sleep", image: "busybox", cpu: 10, memory: 10, command: ["sleep", "360"], portMappings: [{ containerPort: 80 }] }],
    });
    expect(r.tags).toBeUndefined();
    const td = r.taskDefinition!;
    expect(td).toMatchObject({
      family: "sleep360",
      revision: 1,
      status: "ACTIVE",
      volumes: [],
      placementConstraints: [],
      compatibilities: ["EXTERNAL", "EC2"],
    });
    expect(td.taskDefinitionArn).toMatch(/^arn:aws:ecs:us-east-1:\d{12}:task-definition\/sleep360:1$/);
    expect(td.registeredBy).toBe(`arn:aws:iam::${td.taskDefinitionArn!.split(":")[4]}:root`);
    expect(td.registeredAt).toBe(Date.UTC(2026, 0, 2) / 1000);
    expect(td.networkMode).toBeUndefined();
    expect(td.requiresCompatibilities).toBeUndefined();
    expect(td.requiresAttributes).toBeUndefined();
    expect(td.cpu).toBeUndefined();
    expect(td.containerDefinitions).toEqual([
      {
        name: "sleep",
        image: "busybox",
        cpu: 10,
        memory: 10,
        command: ["sleep", "360"],
        portMappings: [{ containerPort: 80, hostPort: 0, protocol: "tcp" }],
        essential: true,
        environment: [],
        mountPoints: [],
        volumesFrom: [],
        systemControls: [],
      },
    ]);
  });

  it("counts revisions up per family", async () => {
    const a1 = await t.ecs("RegisterTaskDefinition", { family: "rev", containerDefinitions: [web()] });
    const a2 = await t.ecs("RegisterTaskDefinition", { family: "rev", containerDefinitions: [web({ essential: false })] });
    const b1 = await t.ecs("RegisterTaskDefinition", { family: "rev-other", containerDefinitions: [web()] });
    expect([a1.taskDefinition!.revision, a2.taskDefinition!.revision, b1.taskDefinition!.revision]).toEqual([1, 2, 1]);
    expect(a2.taskDefinition!.containerDefinitions![0].essential).toBe(false);
    expect(a2.taskDefinition!.taskDefinitionArn).toMatch(/task-definition\/rev:2$/);
  });

  it("normalises Fargate sizes and marks the definition Fargate-compatible", async () => {
    const r = await t.ecs("RegisterTaskDefinition", {
      ...fargate({ cpu: "1 vCPU", memory: "2 GB" }),
      containerDefinitions: [{ name: "app", image: "nginx", portMappings: [{ containerPort: 8080 }] }],
    } as never);
    const td = r.taskDefinition!;
    expect(td).toMatchObject({ cpu: "1024", memory: "2048", networkMode: "awsvpc", requiresCompatibilities: ["FARGATE"], compatibilities: ["EC2", "FARGATE"] });
    expect(td.containerDefinitions![0].portMappings).toEqual([{ containerPort: 8080, hostPort: 8080, protocol: "tcp" }]);
    expect(td.containerDefinitions![0].cpu).toBe(0);
    expect(td.requiresAttributes).toEqual([{ name: "com.amazonaws.ecs.capability.docker-remote-api.1.18" }, { name: "ecs.capability.task-eni" }]);
  });

  it("accepts every Fargate size in the table's corners", async () => {
    for (const [cpu, memory] of [["256", "512"], ["256", "2048"], ["4096", "30720"], ["8192", "61440"], ["16384", "122880"], ["0.5 vcpu", "4GB"]]) {
      await t.ecs("RegisterTaskDefinition", fargate({ family: "sizes", cpu, memory }) as never);
    }
    expect(await refused(fargate({ family: "sizes", cpu: "8192", memory: "18432" }))).toMatch(/No Fargate configuration exists for given values: 8192 CPU, 18432 memory/);
  });

  it("keeps awsvpc definitions that break Fargate's rules EC2-only", async () => {
    const r = await t.ecs("RegisterTaskDefinition", { family: "ec2vpc", networkMode: "awsvpc", containerDefinitions: [web({ privileged: true })] });
    expect(r.taskDefinition!.compatibilities).toEqual(["EC2"]);
    const tooSmall = await t.ecs("RegisterTaskDefinition", { family: "ec2vpc", networkMode: "awsvpc", cpu: "512", memory: "512", containerDefinitions: [web()] });
    expect(tooSmall.taskDefinition!.compatibilities).toEqual(["EC2"]);
  });

  it("lists the attributes the features used require", async () => {
    const r = await t.ecs("RegisterTaskDefinition", {
      ...fargate({ family: "attrs", cpu: "1024", memory: "2048" }),
      taskRoleArn: "arn:aws:iam::123456789012:role/app",
      executionRoleArn: "arn:aws:iam::123456789012:role/exec",
      containerDefinitions: [
        {
          name: "app",
          image: "123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1",
          logConfiguration: { logDriver: "awslogs", options: { "awslogs-group": "g", "awslogs-region": "us-east-1" } },
          healthCheck: { command: ["CMD-SHELL", "true"], startPeriod: 10 },
        },
      ],
    } as never);
    expect(r.taskDefinition!.requiresAttributes!.map((a) => a.name)).toEqual([
      "com.amazonaws.ecs.capability.logging-driver.awslogs",
      "ecs.capability.execution-role-awslogs",
      "com.amazonaws.ecs.capability.ecr-auth",
      "com.amazonaws.ecs.capability.docker-remote-api.1.19",
      "com.amazonaws.ecs.capability.task-iam-role",
      "ecs.capability.container-health-check",
      "ecs.capability.execution-role-ecr-pull",
      "com.amazonaws.ecs.capability.docker-remote-api.1.18",
      "ecs.capability.task-eni",
      "com.amazonaws.ecs.capability.docker-remote-api.1.29",
    ]);
  });

  it("stores tags and answers them", async () => {
    const tags = [{ key: "team", value: "core" }];
    const r = await t.ecs("RegisterTaskDefinition", { family: "tagged", containerDefinitions: [web()], tags });
    expect(r.tags).toEqual(tags);
    const d = await t.ecs("DescribeTaskDefinition", { taskDefinition: "tagged", include: ["TAGS"] });
    expect(d.tags).toEqual(tags);
  });
});

describe("revisions registering the same containers", () => {
  it("answer each revision's own containers, and a later change reaches only its own revision", async () => {
    const containers = [web({ environment: [{ name: "A", value: "1" }], portMappings: [{ containerPort: 80 }] })];
    const r1 = await t.ecs("RegisterTaskDefinition", { family: "same-containers", containerDefinitions: containers });
    const r2 = await t.ecs("RegisterTaskDefinition", { family: "same-containers", containerDefinitions: containers });
    const changed = [web({ environment: [{ name: "A", value: "2" }], portMappings: [{ containerPort: 80 }] })];
    const r3 = await t.ecs("RegisterTaskDefinition", { family: "same-containers", containerDefinitions: changed });
    expect(r2.taskDefinition!.containerDefinitions).toEqual(r1.taskDefinition!.containerDefinitions);
    expect(r3.taskDefinition!.containerDefinitions![0].environment).toEqual([{ name: "A", value: "2" }]);
    const described = async (rev: number) =>
      (await t.ecs("DescribeTaskDefinition", { taskDefinition: `same-containers:${rev}` })).taskDefinition!.containerDefinitions![0];
    expect((await described(1)).environment).toEqual([{ name: "A", value: "1" }]);
    expect((await described(2)).environment).toEqual([{ name: "A", value: "1" }]);
    expect((await described(2)).portMappings).toEqual([{ containerPort: 80, hostPort: 0, protocol: "tcp" }]);
    expect((await described(3)).environment).toEqual([{ name: "A", value: "2" }]);
  });
});
