// The listening server: programmatic start on a free port, timeouts that cut slow clients loose,
// and a stop that lets a request in flight finish.
import { connect, type Socket } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { startServer, type EcsLocalServer } from "../src/index.js";

const servers: EcsLocalServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.stop()));
});

async function start(options: Parameters<typeof startServer>[0] = {}): Promise<EcsLocalServer> {
  const s = await startServer({ logLevel: "silent", ...options });
  servers.push(s);
  return s;
}

const call = (s: EcsLocalServer, op: string, body: object) =>
  fetch(s.endpoint + "/", { method: "POST", headers: { "Content-Type": "application/x-amz-json-1.1", "X-Amz-Target": `AmazonEC2ContainerServiceV20141113.${op}` }, body: JSON.stringify(body) });

/** A raw connection and everything the server sends on it until it closes. */
function rawConnection(port: number): { socket: Socket; received: Promise<{ text: string; at: number }> } {
  const socket = connect(port, "127.0.0.1");
  const received = new Promise<{ text: string; at: number }>((resolve) => {
    let text = "";
    socket.on("data", (c) => (text += c));
    socket.on("error", () => undefined);
    socket.on("close", () => resolve({ text, at: Date.now() }));
  });
  return { socket, received };
}

describe("startServer", () => {
  it("listens on a free port and answers; reset forgets; servers are separate", async () => {
    const a = await start();
    const b = await start();
    expect(a.port).toBeGreaterThan(0);
    expect(a.port).not.toBe(b.port);
    expect(a.endpoint).toBe(`http://127.0.0.1:${a.port}`);
    expect((await call(a, "CreateCluster", { clusterName: "x" })).status).toBe(200);
    expect(((await (await call(b, "ListClusters", {})).json()) as { clusterArns: string[] }).clusterArns).toEqual([]);
    expect(((await (await call(a, "ListClusters", {})).json()) as { clusterArns: string[] }).clusterArns).toHaveLength(1);
    a.reset();
    expect(((await (await call(a, "ListClusters", {})).json()) as { clusterArns: string[] }).clusterArns).toEqual([]);
  });

  it("takes settings by their configuration names, single timings included", async () => {
    const s = await start({ region: "eu-west-1", seed: "x", timings: { pendingMs: 5 } });
    expect(s.local.config).toMatchObject({ region: "eu-west-1", seed: "x", logLevel: "silent" });
    expect(s.local.config.timings).toMatchObject({ pendingMs: 5, provisioningMs: 0, stoppedTaskRetentionMs: 3_600_000 });
  });

  it("refuses a port already taken", async () => {
    const a = await start();
    await expect(startServer({ port: a.port, logLevel: "silent" })).rejects.toThrow(/EADDRINUSE/);
  });
});

describe("slow clients", () => {
  it("a client dribbling its headers is answered 408 and cut off, while others are served", async () => {
    const s = await start({ headersTimeoutMs: 600, requestTimeoutMs: 5_000 });
    const { socket, received } = rawConnection(s.port);
    const header = "POST / HTTP/1.1\r\nHost: x\r\nX-Slow: " + "a".repeat(200);
    let i = 0;
    const started = Date.now();
    // One byte every 100 ms: 20 s to finish the headers if nobody stopped it.
    const drip = setInterval(() => (socket.writable && i < header.length ? socket.write(header[i++]) : clearInterval(drip)), 100);
    expect((await call(s, "ListClusters", {})).status).toBe(200);
    const { text, at } = await received;
    clearInterval(drip);
    expect(text).toMatch(/^HTTP\/1\.1 408/);
    expect(at - started).toBeLessThan(10_000);
    expect(i).toBeLessThan(header.length);
  });

  it("a client dribbling its body is answered 408 and cut off", async () => {
    const s = await start({ headersTimeoutMs: 500, requestTimeoutMs: 1_000 });
    const { socket, received } = rawConnection(s.port);
    const body = JSON.stringify({ clusterName: "c".repeat(150) });
    socket.write(`POST / HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-amz-json-1.1\r\nX-Amz-Target: AmazonEC2ContainerServiceV20141113.CreateCluster\r\nContent-Length: ${body.length}\r\n\r\n`);
    let i = 0;
    const drip = setInterval(() => (socket.writable && i < body.length ? socket.write(body[i++]) : clearInterval(drip)), 100);
    const { text } = await received;
    clearInterval(drip);
    expect(text).toMatch(/^HTTP\/1\.1 408/);
    expect(i).toBeLessThan(body.length);
    // Nothing of the half-sent request was acted on.
    expect(((await (await call(s, "ListClusters", {})).json()) as { clusterArns: string[] }).clusterArns).toEqual([]);
  });
});

describe("stop", () => {
  it("lets a request in flight finish, then closes; new connections are refused", async () => {
    const s = await startServer({ logLevel: "silent" });
    const { socket, received } = rawConnection(s.port);
    const body = JSON.stringify({ clusterName: "late" });
    // In flight: the server has the request's headers and part of its body.
    const arrived = new Promise((r) => s.http.once("request", r));
    socket.write(`POST / HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-amz-json-1.1\r\nX-Amz-Target: AmazonEC2ContainerServiceV20141113.CreateCluster\r\nContent-Length: ${body.length}\r\n\r\n${body.slice(0, 5)}`);
    await arrived;
    let stopped = false;
    const stopping = s.stop().then(() => (stopped = true));
    await new Promise((r) => setTimeout(r, 100));
    expect(stopped).toBe(false);
    socket.write(body.slice(5));
    const { text } = await received;
    expect(text).toMatch(/^HTTP\/1\.1 200/);
    expect(text).toContain('"clusterName":"late"');
    await stopping;
    await expect(call(s, "ListClusters", {})).rejects.toThrow();
  });

  it("cuts a request that does not finish within the shutdown timeout", async () => {
    const s = await startServer({ logLevel: "silent", shutdownTimeoutMs: 300 });
    const { socket, received } = rawConnection(s.port);
    const arrived = new Promise((r) => s.http.once("request", r));
    socket.write("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{");
    await arrived;
    const t0 = Date.now();
    await s.stop();
    await received;
    expect(Date.now() - t0).toBeLessThan(5_000);
  });
});
