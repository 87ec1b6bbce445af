// Snapshots of ECS's store: clusters, task definitions, services and their tasks mid-lifecycle (the
// timers of each task's next step, retention of stopped ones, a draining service), restarted from a
// snapshot plus the journal's tail as from the whole journal. Also: a snapshot refuses, and the next
// start replays the whole journal, while the graph holds something it cannot keep.
import { describe, expect, it } from "vitest";
import type { EcsLocalServer } from "../../src/server.js";
import { createApp } from "../../src/app.js";
import { createLogger } from "../../src/log.js";
import { captureSnapshot, SnapshotRefused } from "../../src/state/persist/snapshot.js";
import { SUBNETS } from "../helpers/fixtures.js";
import { stateDirServers } from "../helpers/stateDir.js";
import { tempDir } from "../helpers/tempDir.js";
import { compareSnapshotRestarts } from "./snapshotHarness.js";

const servers = stateDirServers();

async function call(s: EcsLocalServer, op: string, body: object): Promise<any> {
  const res = await fetch(s.endpoint, { method: "POST", headers: { "content-type": "application/x-amz-json-1.1", "x-amz-target": `AmazonEC2ContainerServiceV20141113.${op}` }, body: JSON.stringify(body) });
  const json = await res.json();
  if (res.status !== 200) throw new Error(`${op}: ${JSON.stringify(json)}`);
  return json;
}

const TD = { family: "web", requiresCompatibilities: ["FARGATE"], networkMode: "awsvpc", cpu: "256", memory: "512", containerDefinitions: [{ name: "app", image: "nginx" }] };

describe("snapshots: ECS", () => {
  it("restart from a snapshot and the tail as from the whole journal, tasks mid-lifecycle included", async () => {
    const r = await compareSnapshotRestarts(servers, {
      config: { timingProfile: "realistic" },
      first: async (s) => {
        await call(s, "CreateCluster", { clusterName: "keep", tags: [{ key: "team", value: "a" }] });
        await call(s, "RegisterTaskDefinition", TD);
        await call(s, "CreateService", { cluster: "keep", serviceName: "svc", taskDefinition: "web", desiredCount: 2, launchType: "FARGATE", networkConfiguration: SUBNETS });
        await call(s, "RunTask", { cluster: "keep", taskDefinition: "web", launchType: "FARGATE", networkConfiguration: SUBNETS, count: 3 });
      },
      second: async (s) => {
        const run = (await call(s, "RunTask", { cluster: "keep", taskDefinition: "web", launchType: "FARGATE", networkConfiguration: SUBNETS, count: 2 })).tasks;
        await call(s, "StopTask", { cluster: "keep", task: run[0].taskArn, reason: "done" });
        await call(s, "UpdateService", { cluster: "keep", service: "svc", desiredCount: 3 });
        await call(s, "CreateCluster", { clusterName: "gone" });
        await call(s, "DeleteCluster", { cluster: "gone" });
      },
      advanceMs: 2 * 3_600_000,
    });
    expect(r.pendingAtStart).toBeGreaterThanOrEqual(8);
  }, 60_000);

  it("INACTIVE services (their scheduler state let go, one shared empty map) restart from a snapshot as from the whole journal", async () => {
    const chain = async (s: EcsLocalServer, name: string) => {
      await call(s, "CreateService", { cluster: "keep", serviceName: name, taskDefinition: "web", desiredCount: 1, launchType: "FARGATE", networkConfiguration: SUBNETS });
      await call(s, "DescribeServices", { cluster: "keep", services: [name] });
      await call(s, "UpdateService", { cluster: "keep", service: name, desiredCount: 0 });
      await call(s, "DeleteService", { cluster: "keep", service: name });
    };
    let status: string[] = [];
    await compareSnapshotRestarts(servers, {
      first: async (s) => {
        await call(s, "CreateCluster", { clusterName: "keep" });
        await call(s, "RegisterTaskDefinition", TD);
        await chain(s, "a");
        await chain(s, "b");
      },
      second: async (s) => {
        status = (await call(s, "DescribeServices", { cluster: "keep", services: ["a", "b"] })).services.map((x: { status: string }) => x.status);
        await chain(s, "c");
        await chain(s, "a");
        await call(s, "ListServices", { cluster: "keep" });
      },
      advanceMs: 2 * 3_600_000,
    });
    expect(status).toEqual(["INACTIVE", "INACTIVE"]);
  }, 60_000);

  it("refuses a snapshot whose graph holds a function or an unregistered class, naming where; the start then replays the journal", async () => {
    const dir = tempDir("ecs-local-snap-refuse-");
    const lines: string[] = [];
    const logger = createLogger({ level: "info", write: (l) => void lines.push(l) });
    const a = createApp({ config: { stateDir: dir, snapshotEvery: 0 }, logger });
    await a.ready;
    const state = a.ecs.states.get("123456789012", "us-east-1") as unknown as Record<string, unknown>;
    state.hook = () => undefined;
    expect(() => captureSnapshot(a.registry, a.timeline, 0)).toThrow(new SnapshotRefused("a function (anonymous) at .backends.ecs.states.123456789012/us-east-1.hook"));
    class Stranger {}
    state.hook = new Stranger();
    expect(() => captureSnapshot(a.registry, a.timeline, 0)).toThrow(/an instance of Stranger \(not registered for snapshots\) at .*\.hook$/);
    a.timeline.after(1000, () => undefined);
    delete state.hook;
    expect(() => captureSnapshot(a.registry, a.timeline, 0)).toThrow(/a pending timer with a closure \(not a named timer\) at \.timeline\.pending\.0$/);
    // A journaled change, then a stop: no snapshot is written, and the warning says why.
    const handle = a.registry.json.find((s) => s.name === "ecs")!;
    await handle.invoke("CreateCluster", { clusterName: "c" }, { accountId: "123456789012", region: "us-east-1", requestId: "r" } as never);
    expect(a.snapshot()).toBe(false);
    await a.close();
    expect(lines.some((l) => l.includes("no snapshot taken") && l.includes("a pending timer with a closure"))).toBe(true);
    const b = createApp({ config: { stateDir: dir, snapshotEvery: 0 }, logger });
    await b.ready;
    expect(lines.find((l) => l.includes("state restored"))).toMatch(/snapshot\W+0\W.*entries\W+1\b/);
    expect(b.ecs.states.get("123456789012", "us-east-1").clusters.has("c")).toBe(true);
    await b.close();
  });
});
