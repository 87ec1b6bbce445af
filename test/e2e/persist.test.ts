// kill -9 during a burst of writes: the real command with --state-dir, really killed mid-burst, then
// started again on the same directory; every write that was answered 200 before the kill is there.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../../src/paths.js";
import { SUBNETS } from "../helpers/fixtures.js";
import { tempDir } from "../helpers/tempDir.js";
import { TEST_SERVER } from "../helpers/serverBundle.js";
import { Journal } from "../../src/state/persist/journal.js";

interface Spawned {
  child: ChildProcess;
  url: string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

async function spawnServer(stateDir: string, extra: string[] = []): Promise<Spawned> {
  const child = spawn(process.execPath, [TEST_SERVER, "--port", "0", "--host", "127.0.0.1", "--state-dir", stateDir, "--log-level", "warn", ...extra], {
    cwd: REPO_ROOT,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let err = "";
  child.stderr!.on("data", (c) => (err += c));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on("exit", (code, signal) => resolve({ code, signal })));
  const port = await new Promise<number>((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => reject(new Error(`server did not start: ${err}`)), 90_000);
    child.stdout!.on("data", (c) => {
      const m = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec((out += c));
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    });
    void exited.then(({ code }) => reject(new Error(`server exited with ${code}: ${err}`)));
  });
  return { child, url: `http://127.0.0.1:${port}/`, exited };
}

const call = async (url: string, op: string, body: object): Promise<{ status: number; json: any }> => {
  const r = await fetch(url, { method: "POST", headers: { "Content-Type": "application/x-amz-json-1.1", "X-Amz-Target": `AmazonEC2ContainerServiceV20141113.${op}` }, body: JSON.stringify(body) });
  return { status: r.status, json: await r.json() };
};

async function listAll(url: string, op: "ListClusters" | "ListTasks", body: object, key: string): Promise<string[]> {
  const out: string[] = [];
  let nextToken: string | undefined;
  do {
    const r = await call(url, op, { ...body, maxResults: 100, ...(nextToken ? { nextToken } : {}) });
    expect(r.status).toBe(200);
    out.push(...r.json[key]);
    nextToken = r.json.nextToken;
  } while (nextToken);
  return out;
}

describe("--state-dir under kill -9", () => {
  // The second: a snapshot every 10 entries, each built by a worker thread that replays the directory
  // beside the server and writes it there, so the kill lands while one is being built or written; the
  // restart starts from the newest committed and replays the tail.
  it.each<[string, string[]]>([
    ["loses nothing that was acknowledged", []],
    ["loses nothing that was acknowledged, killed among snapshots being written", ["--snapshot-every", "10"]],
  ])("%s", async (_name, extra) => {
    const dir = tempDir("ecs-local-kill-");
    const a = await spawnServer(dir, extra);
    expect((await call(a.url, "CreateCluster", { clusterName: "burst" })).status).toBe(200);
    const td = { family: "w", requiresCompatibilities: ["FARGATE"], networkMode: "awsvpc", cpu: "256", memory: "512", containerDefinitions: [{ name: "c", image: "nginx" }] };
    expect((await call(a.url, "RegisterTaskDefinition", td)).status).toBe(200);
    if (extra.length) {
      // A first snapshot (built by a worker thread) before the burst; during it, the next ones are under way.
      for (let i = 0; i < 12; i++) expect((await call(a.url, "CreateCluster", { clusterName: `pre-${i}` })).status).toBe(200);
      const deadline = Date.now() + 60_000;
      const built = (): number => {
        const j = Journal.open(dir, "normal", false);
        try {
          return j.snapshots().length;
        } finally {
          j.close();
        }
      };
      while (built() === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      expect(built()).toBeGreaterThan(0);
    }

    const clusters: string[] = [];
    const tasks: string[] = [];
    let n = 0;
    let killed = false;
    // 16 clients writing as fast as they are answered; the kill lands while requests are in flight.
    const worker = async (): Promise<void> => {
      while (!killed) {
        const i = n++;
        try {
          if (i % 2 === 0) {
            const r = await call(a.url, "CreateCluster", { clusterName: `c-${i}` });
            if (r.status === 200) clusters.push(r.json.cluster.clusterArn);
          } else {
            const r = await call(a.url, "RunTask", { cluster: "burst", taskDefinition: "w", launchType: "FARGATE", networkConfiguration: SUBNETS });
            if (r.status === 200) tasks.push(r.json.tasks[0].taskArn);
          }
        } catch {
          // The connection died with the server: that write was never acknowledged.
        }
        if (clusters.length + tasks.length >= 300 && !killed) {
          killed = true;
          a.child.kill("SIGKILL");
        }
      }
    };
    await Promise.all(Array.from({ length: 16 }, worker));
    expect((await a.exited).signal).toBe("SIGKILL");
    expect(clusters.length + tasks.length).toBeGreaterThanOrEqual(300);
    // Both kinds of write were acknowledged during the burst (a refused RunTask would prove nothing).
    expect(tasks.length).toBeGreaterThan(0);
    expect(clusters.length).toBeGreaterThan(0);

    const b = await spawnServer(dir, extra);
    try {
      const haveClusters = new Set(await listAll(b.url, "ListClusters", {}, "clusterArns"));
      for (const c of clusters) expect(haveClusters.has(c), c).toBe(true);
      const haveTasks = new Set(await listAll(b.url, "ListTasks", { cluster: "burst" }, "taskArns"));
      for (const t of tasks) expect(haveTasks.has(t), t).toBe(true);
      // And the server goes on writing after the crash, with new ids.
      const r = await call(b.url, "RunTask", { cluster: "burst", taskDefinition: "w", launchType: "FARGATE", networkConfiguration: SUBNETS });
      expect(r.status).toBe(200);
      expect(haveTasks.has(r.json.tasks[0].taskArn)).toBe(false);
    } finally {
      b.child.kill("SIGTERM");
      await b.exited;
    }
  });

  it("a damaged state file: the command exits 1 naming the file, which is kept byte for byte", () => {
    const dir = tempDir("ecs-local-damaged-");
    const file = join(dir, "state.db");
    writeFileSync(file, "SQLite format 3\0 and then nothing a database would hold".repeat(200));
    const before = readFileSync(file);
    const r = spawnSync(process.execPath, [TEST_SERVER, "--port", "0", "--state-dir", dir], { cwd: REPO_ROOT, encoding: "utf8", timeout: 90_000 });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(file);
    expect(r.stdout).not.toContain("listening");
    expect(readFileSync(file).equals(before)).toBe(true);
  });
});
