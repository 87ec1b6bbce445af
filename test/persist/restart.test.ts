// --state-dir in one process: a restarted server has what the stopped one had (ECS and CloudWatch
// Logs), ids go on instead of repeating, timers pending at the stop are rebuilt and count the
// downtime, and a state file that is damaged or of another format is refused and left byte for byte.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type EcsLocalServer } from "../../src/index.js";
import type { StartServerOptions } from "../../src/server.js";
import { openSqlite } from "../../src/state/persist/sqlite.js";
import { SUBNETS } from "../helpers/fixtures.js";
import { stateDirServers } from "../helpers/stateDir.js";
import { tempDir } from "../helpers/tempDir.js";

const servers = stateDirServers();

async function start(stateDir: string, options: StartServerOptions = {}): Promise<EcsLocalServer> {
  const s = await servers.start(stateDir, options);
  return s;
}

async function stop(s: EcsLocalServer): Promise<void> {
  await s.stop();
}

async function call(s: EcsLocalServer, op: string, body: object, prefix = "AmazonEC2ContainerServiceV20141113"): Promise<any> {
  const r = await fetch(s.endpoint + "/", { method: "POST", headers: { "Content-Type": "application/x-amz-json-1.1", "X-Amz-Target": `${prefix}.${op}` }, body: JSON.stringify(body) });
  const json = await r.json();
  if (r.status !== 200) throw new Error(`${op}: ${r.status} ${JSON.stringify(json)}`);
  return json;
}
const logs = (s: EcsLocalServer, op: string, body: object) => call(s, op, body, "Logs_20140328");

const dir = (): string => tempDir("ecs-local-state-");
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const idOf = (arn: string) => arn.split("/").pop()!;
const bytesOf = (f: string) => readFileSync(f);

const FARGATE_TD = { family: "web", requiresCompatibilities: ["FARGATE"], networkMode: "awsvpc", cpu: "256", memory: "512", containerDefinitions: [{ name: "app", image: "nginx" }] };
const NET = SUBNETS;

describe("--state-dir: restart", () => {
  it("keeps clusters, task definitions, services, tasks, tags, settings and logs; ids go on", async () => {
    const d = dir();
    const a = await start(d);
    await call(a, "CreateCluster", { clusterName: "keep", tags: [{ key: "team", value: "a" }] });
    const td = (await call(a, "RegisterTaskDefinition", FARGATE_TD)).taskDefinition;
    await call(a, "PutAccountSetting", { name: "containerInsights", value: "enabled" });
    const svc = (await call(a, "CreateService", { cluster: "keep", serviceName: "svc", taskDefinition: "web", desiredCount: 2, launchType: "FARGATE", networkConfiguration: NET })).service;
    const run = (await call(a, "RunTask", { cluster: "keep", taskDefinition: "web", launchType: "FARGATE", networkConfiguration: NET, count: 3 })).tasks;
    await call(a, "TagResource", { resourceArn: run[0].taskArn, tags: [{ key: "k", value: "v" }] });
    await logs(a, "CreateLogGroup", { logGroupName: "/app" });
    await logs(a, "CreateLogStream", { logGroupName: "/app", logStreamName: "s" });
    await logs(a, "PutLogEvents", { logGroupName: "/app", logStreamName: "s", logEvents: [{ timestamp: Date.now(), message: "hello" }] });
    const before = await call(a, "ListTasks", { cluster: "keep" });
    const described = await call(a, "DescribeTasks", { cluster: "keep", tasks: before.taskArns });
    expect(before.taskArns).toHaveLength(5);
    await stop(a);

    const b = await start(d);
    const cluster = (await call(b, "DescribeClusters", { clusters: ["keep"], include: ["TAGS"] })).clusters[0];
    expect(cluster.status).toBe("ACTIVE");
    expect(cluster.tags).toEqual([{ key: "team", value: "a" }]);
    expect((await call(b, "DescribeTaskDefinition", { taskDefinition: "web:1" })).taskDefinition.taskDefinitionArn).toBe(td.taskDefinitionArn);
    const service = (await call(b, "DescribeServices", { cluster: "keep", services: ["svc"] })).services[0];
    expect(service.serviceArn).toBe(svc.serviceArn);
    expect(service.runningCount).toBe(2);
    const after = await call(b, "ListTasks", { cluster: "keep" });
    expect(after.taskArns.sort()).toEqual([...before.taskArns].sort());
    const again = await call(b, "DescribeTasks", { cluster: "keep", tasks: before.taskArns });
    // The same tasks, in the same states, with the same addresses.
    const view = (ts: any[]) => ts.map((t) => [t.taskArn, t.lastStatus, t.attachments?.[0]?.details?.find((x: any) => x.name === "privateIPv4Address")?.value]).sort();
    expect(view(again.tasks)).toEqual(view(described.tasks));
    expect((await call(b, "ListTagsForResource", { resourceArn: run[0].taskArn })).tags).toEqual([{ key: "k", value: "v" }]);
    const settings = (await call(b, "ListAccountSettings", { name: "containerInsights", effectiveSettings: true })).settings;
    expect(settings[0].value).toBe("enabled");
    const events = (await logs(b, "GetLogEvents", { logGroupName: "/app", logStreamName: "s" })).events;
    expect(events.map((e: any) => e.message)).toEqual(["hello"]);

    // Ids drawn after the restart are new ones, not the first ones of the stored seed again.
    const more = (await call(b, "RunTask", { cluster: "keep", taskDefinition: "web", launchType: "FARGATE", networkConfiguration: NET, count: 3 })).tasks;
    const old = new Set(before.taskArns.map(idOf));
    for (const t of more) expect(old.has(idOf(t.taskArn))).toBe(false);
    await stop(b);

    // Restarted twice: still the same, and the tasks run after the first restart are there too.
    const c = await start(d);
    expect((await call(c, "ListTasks", { cluster: "keep" })).taskArns).toHaveLength(8);
  });

  it("a reset is kept: what it forgot stays forgotten, the journal starts over from it, and ids go on", async () => {
    const d = dir();
    const a = await start(d);
    await call(a, "CreateCluster", { clusterName: "gone" });
    await call(a, "RegisterTaskDefinition", FARGATE_TD);
    const before = (await call(a, "RunTask", { cluster: "gone", taskDefinition: "web", launchType: "FARGATE", networkConfiguration: NET, count: 3 })).tasks.map((t: any) => idOf(t.taskArn));
    // The journal: what state.db holds, and the lines the server appended that its writer has not committed yet (tail.ts).
    const entries = () => {
      const db = openSqlite(join(d, "state.db"));
      try {
        const last = (db.prepare("SELECT max(seq) AS seq FROM entries").get() as { seq: number }).seq;
        const stored = (db.prepare("SELECT count(*) AS n FROM entries WHERE kind != 'reset'").get() as { n: number }).n;
        const lines = readdirSync(d)
          .filter((f) => /^tail\.\d+\.log$/.test(f))
          .flatMap((f) => readFileSync(join(d, f), "utf8").split("\n").filter(Boolean))
          .map((l) => l.split("\t"));
        return stored + lines.filter(([seq, , kind]) => Number(seq) > last && kind !== "reset").length;
      } finally {
        db.close();
      }
    };
    expect(entries()).toBeGreaterThanOrEqual(3);
    await fetch(a.endpoint + "/_ecs-local/reset", { method: "POST" });
    // Nothing but the reset's own entry, which keeps sequence numbers going on.
    expect(entries()).toBe(0);
    await call(a, "CreateCluster", { clusterName: "kept" });
    await call(a, "RegisterTaskDefinition", FARGATE_TD);
    const after = (await call(a, "RunTask", { cluster: "kept", taskDefinition: "web", launchType: "FARGATE", networkConfiguration: NET })).tasks[0].taskArn;
    await stop(a);
    const b = await start(d);
    expect((await call(b, "ListClusters", {})).clusterArns.map(idOf)).toEqual(["kept"]);
    expect((await call(b, "ListTasks", { cluster: "kept" })).taskArns).toEqual([after]);
    // The ids drawn before the reset are not drawn again, after it or after the restart.
    const next = (await call(b, "RunTask", { cluster: "kept", taskDefinition: "web", launchType: "FARGATE", networkConfiguration: NET, count: 2 })).tasks.map((t: any) => idOf(t.taskArn));
    expect(new Set([...before, idOf(after), ...next]).size).toBe(6);
  });
});

describe("--state-dir: timers across a restart", () => {
  it("a stopped task is forgotten after its retention, counted across the downtime", async () => {
    const d = dir();
    const timings = { stoppedTaskRetentionMs: 1500 };
    const a = await start(d, { timings });
    await call(a, "CreateCluster", {});
    await call(a, "RegisterTaskDefinition", FARGATE_TD);
    const task = (await call(a, "RunTask", { taskDefinition: "web", launchType: "FARGATE", networkConfiguration: NET })).tasks[0];
    await call(a, "StopTask", { task: task.taskArn });
    expect((await call(a, "DescribeTasks", { tasks: [task.taskArn] })).tasks[0].lastStatus).toBe("STOPPED");
    await stop(a);
    // Down for longer than the retention: the task is gone when the server comes back.
    await sleep(1700);
    const b = await start(d, { timings });
    const r = await call(b, "DescribeTasks", { tasks: [task.taskArn] });
    expect(r.tasks).toEqual([]);
    expect(r.failures[0].reason).toBe("MISSING");
  });

  it("a stopped task within its retention stays, and goes when the rest of it has passed", async () => {
    const d = dir();
    const timings = { stoppedTaskRetentionMs: 2500 };
    const a = await start(d, { timings });
    await call(a, "CreateCluster", {});
    await call(a, "RegisterTaskDefinition", FARGATE_TD);
    const task = (await call(a, "RunTask", { taskDefinition: "web", launchType: "FARGATE", networkConfiguration: NET })).tasks[0];
    await call(a, "StopTask", { task: task.taskArn });
    await call(a, "DescribeTasks", { tasks: [task.taskArn] });
    await stop(a);
    const b = await start(d, { timings });
    expect((await call(b, "DescribeTasks", { tasks: [task.taskArn] })).tasks[0].lastStatus).toBe("STOPPED");
    await sleep(2700);
    expect((await call(b, "DescribeTasks", { tasks: [task.taskArn] })).tasks).toEqual([]);
  });

  it("a draining service becomes INACTIVE across the downtime", async () => {
    const d = dir();
    const timings = { serviceDrainMs: 800 };
    const a = await start(d, { timings });
    await call(a, "CreateCluster", {});
    await call(a, "RegisterTaskDefinition", FARGATE_TD);
    await call(a, "CreateService", { serviceName: "drain", taskDefinition: "web", desiredCount: 1, launchType: "FARGATE", networkConfiguration: NET });
    await call(a, "DescribeServices", { services: ["drain"] });
    const deleted = (await call(a, "DeleteService", { service: "drain", force: true })).service;
    expect(deleted.status).toBe("DRAINING");
    await stop(a);
    await sleep(1000);
    const b = await start(d, { timings });
    expect((await call(b, "DescribeServices", { services: ["drain"] })).services[0].status).toBe("INACTIVE");
  });
});

describe("--state-dir: refused", () => {

  it("a damaged state file stops the start with a message naming it, and is kept byte for byte", async () => {
    const d = dir();
    const file = join(d, "state.db");
    writeFileSync(file, Buffer.from("this is not a database at all, just some bytes\n".repeat(100)));
    const kept = bytesOf(file);
    await expect(start(d)).rejects.toThrow(file);
    expect(bytesOf(file).equals(kept)).toBe(true);
  });

  it("a state file damaged inside (a page overwritten) is refused and kept", async () => {
    const d = dir();
    const a = await start(d);
    for (let i = 0; i < 40; i++) await call(a, "CreateCluster", { clusterName: `c${i}`, tags: [{ key: "pad", value: "x".repeat(200) }] });
    await stop(a);
    const file = join(d, "state.db");
    const bytes = bytesOf(file);
    expect(bytes.length).toBeGreaterThan(8192);
    // The second page and beyond: SQLite's own header stays intact, the tables do not.
    bytes.fill(0xa5, 4096, bytes.length);
    writeFileSync(file, bytes);
    await expect(start(d)).rejects.toThrow(file);
    expect(bytesOf(file).equals(bytes)).toBe(true);
  });

  it("a state directory of an unknown format version is refused and kept", async () => {
    const d = dir();
    const a = await start(d);
    await call(a, "CreateCluster", { clusterName: "x" });
    await stop(a);
    const file = join(d, "state.db");
    const db = openSqlite(file);
    db.prepare("UPDATE meta SET value = '999' WHERE key = 'format'").run();
    db.close();
    const kept = bytesOf(file);
    await expect(start(d)).rejects.toThrow(/format version "999"/);
    await expect(start(d)).rejects.toThrow(file);
    expect(bytesOf(file).equals(kept)).toBe(true);
  });
});

describe("--state-dir: one runtime per history", () => {
  it("refuses to replay a history on another runtime, and leaves the file as it was; an emptied journal takes any runtime", async () => {
    const d = dir();
    const file = join(d, "state.db");
    const a = await start(d);
    await call(a, "CreateCluster", { clusterName: "sim" });
    await stop(a);
    const kept = bytesOf(file);
    const docker = { runtime: "docker" as const, dockerHost: "unix:///nonexistent/ecs-local-test.sock" };
    await expect(start(d, docker)).rejects.toThrow(/made with --runtime simulated and replays only with it/);
    await expect(start(d, docker)).rejects.toThrow(file);
    expect(bytesOf(file).equals(kept)).toBe(true);
    const b = await start(d);
    expect((await call(b, "ListClusters", {})).clusterArns.map(idOf)).toEqual(["sim"]);
    b.reset();
    await stop(b);
    const c = await start(d, docker);
    expect((await call(c, "ListClusters", {})).clusterArns).toEqual([]);
    await call(c, "CreateCluster", { clusterName: "real" });
    await stop(c);
    await expect(start(d)).rejects.toThrow(/made with --runtime docker/);
  });
});
