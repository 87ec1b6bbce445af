// What the Docker runtime asks the engine for, without an engine: container bodies, image
// references, and the engine's multiplexed log stream turned into lines.
import { describe, expect, it } from "vitest";
import { LineReader } from "../../src/runtime/docker/logs.js";
import { createBody, imageRef, unsupportedFeature } from "../../src/runtime/docker/spec.js";
import type { TaskRun } from "../../src/runtime/runtime.js";
import type { ContainerDefinition, TaskDefinition } from "../../src/services/ecs/generated/types.js";

const taskArn = "arn:aws:ecs:us-east-1:000000000000:task/lab/0123456789abcdef0123456789abcdef";

function runOf(defs: ContainerDefinition[], td: Partial<TaskDefinition> = {}): TaskRun {
  return { accountId: "000000000000", region: "us-east-1", clusterName: "lab", service: false, task: { taskArn, overrides: { containerOverrides: [{ name: "web", command: ["override"], environment: [{ name: "B", value: "2" }] }] } }, td: { family: "web", revision: 3, containerDefinitions: defs, ...td } };
}

const web: ContainerDefinition = {
  name: "web",
  image: "busybox",
  cpu: 0,
  memory: 64,
  memoryReservation: 32,
  command: ["httpd"],
  entryPoint: ["/bin/sh", "-c"],
  environment: [{ name: "A", value: "1" }, { name: "B", value: "1" }],
  workingDirectory: "/www",
  user: "nobody",
  ulimits: [{ name: "nofile", softLimit: 1024, hardLimit: 2048 }],
  portMappings: [{ containerPort: 80, hostPort: 0 }, { containerPort: 53, hostPort: 5353, protocol: "udp" }],
  links: ["db:database"],
  stopTimeout: 5,
  healthCheck: { command: ["CMD-SHELL", "true"], interval: 10 },
  dockerLabels: { team: "a" },
  linuxParameters: { initProcessEnabled: true },
};

describe("container create body", () => {
  it("carries the definition, the overrides and ECS's labels", () => {
    const body = createBody(runOf([web]), { def: web, override: { name: "web", command: ["override"], environment: [{ name: "B", value: "2" }] }, dockerName: "ecs-web-3-web-x" }, { mode: "bridge", names: new Map([["db", "ecs-web-3-db-x"]]) }) as any;
    expect(body).toMatchObject({
      Image: "busybox",
      Cmd: ["override"],
      Entrypoint: ["/bin/sh", "-c"],
      Env: ["A=1", "B=2"],
      WorkingDir: "/www",
      User: "nobody",
      StopTimeout: 5,
      ExposedPorts: { "80/tcp": {}, "53/udp": {} },
      Healthcheck: { Test: ["CMD-SHELL", "true"], Interval: 10e9, Timeout: 5e9, Retries: 3, StartPeriod: 0 },
      Labels: {
        team: "a",
        "com.amazonaws.ecs.cluster": "lab",
        "com.amazonaws.ecs.container-name": "web",
        "com.amazonaws.ecs.task-arn": taskArn,
        "com.amazonaws.ecs.task-definition-family": "web",
        "com.amazonaws.ecs.task-definition-version": "3",
        "ecs-local.managed": "true",
      },
    });
    expect(body.HostConfig).toMatchObject({
      CpuShares: 2,
      Memory: 64 * 1024 * 1024,
      MemoryReservation: 32 * 1024 * 1024,
      Ulimits: [{ Name: "nofile", Soft: 1024, Hard: 2048 }],
      NetworkMode: "bridge",
      PortBindings: { "80/tcp": [{ HostIp: "", HostPort: "" }], "53/udp": [{ HostIp: "", HostPort: "5353" }] },
      Links: ["ecs-web-3-db-x:database"],
      Init: true,
    });
  });

  it("shares the first container's network namespace in awsvpc mode, and publishes nothing", () => {
    const body = createBody(runOf([web]), { def: web, dockerName: "x" }, { mode: "awsvpc", owner: "abc", names: new Map() }) as any;
    expect(body.HostConfig.NetworkMode).toBe("container:abc");
    expect(body.HostConfig.PortBindings).toEqual({});
    expect(body.HostConfig.Links).toBeUndefined();
    expect((createBody(runOf([web]), { def: web, dockerName: "x" }, { mode: "host", names: new Map() }) as any).HostConfig.NetworkMode).toBe("host");
  });

  it("mounts host paths and task-scoped volumes", () => {
    const def: ContainerDefinition = { name: "web", image: "busybox", mountPoints: [{ sourceVolume: "data", containerPath: "/data", readOnly: true }, { sourceVolume: "scratch", containerPath: "/tmp/s" }] };
    const body = createBody(runOf([def], { volumes: [{ name: "data", host: { sourcePath: "/srv/data" } }, { name: "scratch" }] }), { def, dockerName: "x" }, { mode: "bridge", names: new Map() }) as any;
    expect(body.HostConfig.Binds).toEqual(["/srv/data:/data:ro", "ecs-local-0123456789abcdef0123456789abcdef-scratch:/tmp/s"]);
  });

  it("refuses what needs AWS behind it, with a clear reason", () => {
    expect(unsupportedFeature(runOf([web], { volumes: [{ name: "efs", efsVolumeConfiguration: { fileSystemId: "fs-1" } }] }))).toBe("ecs-local does not support the volume efs: only host and Docker volumes can be mounted");
    expect(unsupportedFeature(runOf([{ ...web, secrets: [{ name: "X", valueFrom: "arn:aws:ssm:us-east-1:000000000000:parameter/x" }] }]))).toBeUndefined();
    expect(unsupportedFeature(runOf([web]))).toBeUndefined();
  });

  it("puts the values of the container's secrets read at start in its environment, over the plain variables", () => {
    const def: ContainerDefinition = { ...web, environment: [{ name: "A", value: "1" }, { name: "DB_PASSWORD", value: "plain" }], secrets: [{ name: "DB_PASSWORD", valueFrom: "/db/password" }] };
    const run = { ...runOf([def]), secrets: { web: { DB_PASSWORD: "s3cr3t" } } };
    expect((createBody(run, { def, dockerName: "x" }, { mode: "bridge", names: new Map() }) as any).Env).toEqual(["A=1", "DB_PASSWORD=s3cr3t"]);
  });

  it("puts the variables of its environment files first, below ECS's own and the definition's", () => {
    const def: ContainerDefinition = { ...web, environment: [{ name: "A", value: "1" }] };
    const run = { ...runOf([def]), environmentFiles: { web: { A: "from-file", B: "2", AWS_REGION: "file-region" } } };
    const body = createBody(run, { def, dockerName: "x", environment: { AWS_REGION: "us-east-1" } }, { mode: "bridge", names: new Map() }) as any;
    expect(body.Env).toEqual(["A=1", "B=2", "AWS_REGION=us-east-1"]);
  });
});

describe("image references", () => {
  it("split into repository and tag, defaulting to latest and keeping digests and registry ports", () => {
    expect(imageRef("busybox")).toEqual({ fromImage: "busybox", tag: "latest" });
    expect(imageRef("nginx:1.27")).toEqual({ fromImage: "nginx", tag: "1.27" });
    expect(imageRef("localhost:5000/app")).toEqual({ fromImage: "localhost:5000/app", tag: "latest" });
    expect(imageRef("localhost:5000/app:v2")).toEqual({ fromImage: "localhost:5000/app", tag: "v2" });
    expect(imageRef("app@sha256:abc")).toEqual({ fromImage: "app@sha256:abc", tag: "" });
  });
});

describe("the engine's log stream", () => {
  const frame = (stream: number, text: string) => {
    const payload = Buffer.from(text);
    const header = Buffer.alloc(8);
    header[0] = stream;
    header.writeUInt32BE(payload.length, 4);
    return Buffer.concat([header, payload]);
  };

  it("becomes timestamped lines, frames split anywhere, stdout and stderr kept apart", () => {
    const lines: { timestamp: number; message: string }[] = [];
    const r = new LineReader(false, (l) => lines.push(...l));
    const all = Buffer.concat([frame(1, "2026-01-01T00:00:01.123456789Z hello\n2026-01-01T00:00:02Z wor"), frame(2, "2026-01-01T00:00:03Z oops\n"), frame(1, "ld\n2026-01-01T00:00:04Z tail")]);
    for (let i = 0; i < all.length; i += 5) r.push(all.subarray(i, i + 5));
    r.end();
    expect(lines).toEqual([
      { timestamp: Date.UTC(2026, 0, 1, 0, 0, 1, 123), message: "hello" },
      { timestamp: Date.UTC(2026, 0, 1, 0, 0, 3), message: "oops" },
      { timestamp: Date.UTC(2026, 0, 1, 0, 0, 2), message: "world" },
      { timestamp: Date.UTC(2026, 0, 1, 0, 0, 4), message: "tail" },
    ]);
  });
});
