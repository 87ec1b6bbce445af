// The command under signals: SIGTERM during a burst of requests lets the ones in flight finish and
// exits 0; SIGINT on an idle server exits 0 at once. The real entry point, really signalled.
import { spawn, type ChildProcess } from "node:child_process";
import { connect } from "node:net";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../../src/paths.js";
import { TEST_SERVER } from "../helpers/serverBundle.js";

interface Spawned {
  child: ChildProcess;
  port: number;
  stderr: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;
}

async function spawnServer(args: string[]): Promise<Spawned> {
  const child = spawn(process.execPath, [TEST_SERVER, "--port", "0", ...args], { cwd: REPO_ROOT, stdio: ["ignore", "pipe", "pipe"] });
  let err = "";
  child.stderr!.on("data", (c) => (err += c));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>((resolve) => child.on("exit", (code, signal) => resolve({ code, signal, at: Date.now() })));
  const port = await new Promise<number>((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => reject(new Error(`server did not start: ${err}`)), 60_000);
    child.stdout!.on("data", (c) => {
      out += c;
      const m = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    });
    void exited.then(({ code }) => reject(new Error(`server exited with ${code}: ${err}`)));
  });
  return { child, port, stderr: () => err, exited };
}

const waitFor = async (what: () => boolean, ms: number): Promise<boolean> => {
  const until = Date.now() + ms;
  while (!what() && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
  return what();
};

const TARGET = "AmazonEC2ContainerServiceV20141113.";

describe("signals", () => {
  it("SIGTERM during requests: the one in flight is answered, no answer is cut short, exit 0", async () => {
    const s = await spawnServer(["--log-level", "debug", "--shutdown-timeout-ms", "20000"]);
    const url = `http://127.0.0.1:${s.port}/`;
    let signalled = false;
    let stop = false;
    const answered: number[] = [];
    const failures: string[] = [];
    // Eight clients, each sending one request after another until the server is gone.
    const client = async (n: number): Promise<void> => {
      for (let i = 0; !stop; i++) {
        try {
          const res = await fetch(url, { method: "POST", headers: { "Content-Type": "application/x-amz-json-1.1", "X-Amz-Target": TARGET + "CreateCluster" }, body: JSON.stringify({ clusterName: `c${n}-${i}` }) });
          const body = (await res.json()) as { cluster?: { clusterName?: string } };
          if (res.status !== 200 || body.cluster?.clusterName !== `c${n}-${i}`) failures.push(`${res.status} ${JSON.stringify(body)}`);
          else answered.push(Date.now());
        } catch (e) {
          // Refused or reset once the server stops accepting: expected only after the signal.
          if (!signalled) failures.push(`before the signal: ${(e as Error).message}`);
          if (signalled) return;
        }
      }
    };
    const clients = Array.from({ length: 8 }, (_, n) => client(n));
    expect(await waitFor(() => answered.length >= 50, 30_000)).toBe(true);

    // One request held open: headers and half a body sent, the rest after the signal.
    const socket = connect(s.port, "127.0.0.1");
    let reply = "";
    socket.on("data", (c) => (reply += c));
    const closed = new Promise((r) => socket.on("close", r));
    const body = JSON.stringify({ clusters: ["c0-0"] });
    socket.write(`POST / HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-amz-json-1.1\r\nX-Amz-Target: ${TARGET}DescribeClusters\r\nContent-Length: ${body.length}\r\n\r\n${body.slice(0, 4)}`);
    // The debug log names each request as it arrives; without that line, give it time.
    if (!(await waitFor(() => s.stderr().includes("DescribeClusters"), 5_000))) await new Promise((r) => setTimeout(r, 1000));

    signalled = true;
    const sentAt = Date.now();
    s.child.kill("SIGTERM");
    expect(await waitFor(() => s.stderr().includes("SIGTERM"), 10_000)).toBe(true);
    await new Promise((r) => setTimeout(r, 200));
    socket.write(body.slice(4));
    await closed;
    expect(reply).toMatch(/^HTTP\/1\.1 200/);
    expect(reply).toContain('"clusterName":"c0-0"');

    const exit = await s.exited;
    stop = true;
    await Promise.all(clients);
    expect(exit).toMatchObject({ code: 0, signal: null });
    expect(exit.at - sentAt).toBeLessThan(20_000);
    expect(failures).toEqual([]);
    expect(s.stderr()).toContain("stopped");
  }, 120_000);

  it("SIGINT on an idle server exits 0 promptly; a second server on the same port starts after it", async () => {
    const s = await spawnServer([]);
    const sentAt = Date.now();
    s.child.kill("SIGINT");
    const exit = await s.exited;
    expect(exit).toMatchObject({ code: 0, signal: null });
    expect(exit.at - sentAt).toBeLessThan(10_000);
    const again = await spawnServer(["--port", String(s.port)]);
    expect(again.port).toBe(s.port);
    again.child.kill("SIGTERM");
    expect((await again.exited).code).toBe(0);
  }, 120_000);
});
