// The Docker end-to-end suite's engine: found through DOCKER_HOST (or the default socket) and
// pinged; a tiny busybox image is imported locally (never pulled). When no engine answers, the
// suite is skipped and says why.
import { execFile } from "node:child_process";
import { mkdtempSync, mkdirSync, rmSync, symlinkSync, copyFileSync, writeFileSync, existsSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { send } from "./http.js";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { createApp, type EcsLocal } from "../../src/app.js";
import type { Config } from "../../src/config.js";
import { DEFAULT_SOCKET, Engine } from "../../src/runtime/docker/engine.js";
import { validatorFor } from "../../src/protocol/validate.js";

const run = promisify(execFile);
export const IMAGE = "local/ecs-local-busybox:test";
export const DOCKER_HOST = process.env.DOCKER_HOST || DEFAULT_SOCKET;

/** Why the Docker suite cannot run here, or undefined when an engine answers. */
export async function dockerUnavailable(host = DOCKER_HOST): Promise<string | undefined> {
  if (!host.startsWith("unix://") && !host.startsWith("tcp://")) return `DOCKER_HOST=${host} is neither unix:// nor tcp://`;
  if (host.startsWith("unix://") && !existsSync(host.slice(7))) return `no Docker socket at ${host.slice(7)} (set DOCKER_HOST, or let .ci/docker.sh start an engine)`;
  const engine = new Engine(host);
  try {
    if (!(await engine.ping(3000))) return `the Docker engine at ${host} does not answer _ping`;
  } finally {
    engine.destroy();
  }
  if (!existsSync("/bin/busybox")) return "no /bin/busybox to build the test image from (apt-get install busybox-static)";
  if (!(await run("docker", ["--version"]).then(() => true, () => false))) return "no docker CLI to import the test image with (apt-get install docker.io)";
  return undefined;
}

/** Imports a busybox rootfs as IMAGE (about 2 MB, a fraction of a second); a registry is never needed. */
export async function importBusybox(host = DOCKER_HOST): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), "ecs-local-rootfs-"));
  try {
    for (const d of ["bin", "etc", "www", "tmp"]) mkdirSync(join(root, d));
    copyFileSync("/bin/busybox", join(root, "bin/busybox"));
    for (const a of ["sh", "echo", "cat", "ls", "sleep", "httpd", "wget", "env", "hostname", "ps", "true", "false", "head", "dd", "date", "kill", "nc", "trap"]) symlinkSync("busybox", join(root, "bin", a));
    writeFileSync(join(root, "etc/passwd"), "root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/:/bin/sh\n");
    writeFileSync(join(root, "etc/group"), "root:x:0:\nnogroup:x:65534:\n");
    writeFileSync(join(root, "www/index.html"), "<h1>hello from busybox</h1>\n");
    await run("sh", ["-c", `tar -C "${root}" -c . | docker import -c 'CMD ["/bin/sh"]' - ${IMAGE}`], { env: { ...process.env, DOCKER_HOST: host } });
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

export interface DockerLocal {
  url: string;
  local: EcsLocal;
  close(): Promise<void>;
}

/**
 * A server on the wall clock with the Docker runtime: transitions wait on the engine. Port 53 on an
 * engine's bridge gateway is held by one server at a time, so only a suite that tests names inside
 * containers asks for the name server (`containerDns: true`); files running beside it never take it first.
 */
export function startDockerLocal(config: Partial<Config> = {}): Promise<DockerLocal> {
  return serve(createApp({ config: { validateOutput: true, runtime: "docker", dockerHost: DOCKER_HOST, containerDns: false, ...config } }));
}

/** Serves an app on a free loopback port once it is ready; close() stops the app (and its runtime), then the server. */
export async function serve(local: EcsLocal): Promise<DockerLocal> {
  await local.ready;
  const server: Server = createServer(local.handle);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  local.listening((server.address() as AddressInfo).port);
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    local,
    close: async () => {
      await local.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Polls until `check` answers a value, or fails after `ms` with what it last saw. */
export async function until<T>(what: string, check: () => Promise<T | undefined>, ms = 45_000, every = 100): Promise<T> {
  const end = Date.now() + ms;
  let last: unknown;
  for (;;) {
    try {
      const v = await check();
      if (v !== undefined && v !== false) return v;
    } catch (e) {
      last = e;
    }
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what}${last ? `: ${(last as Error).message}` : ""}`);
    await new Promise((r) => setTimeout(r, every));
  }
}

/** Calls an ECS or CloudWatch Logs operation that must succeed; its answer is checked against the model's output shape. */
const TARGETS = { ecs: "AmazonEC2ContainerServiceV20141113", logs: "Logs_20140328", ssm: "AmazonSSM", secretsmanager: "secretsmanager", servicediscovery: "Route53AutoNaming_v20170314" };

export async function call(url: string, service: keyof typeof TARGETS, op: string, input: unknown): Promise<any> {
  const target = `${TARGETS[service]}.${op}`;
  const res = await send(url + "/", {
    method: "POST",
    headers: { "Content-Type": "application/x-amz-json-1.1", "X-Amz-Target": target, Authorization: "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/us-east-1/ecs/aws4_request, SignedHeaders=host, Signature=0000" },
    body: JSON.stringify(input),
  });
  const text = res.text;
  if (res.status !== 200) throw new Error(`${op} failed with ${res.status}: ${text}`);
  const body = JSON.parse(text);
  const validate = validatorFor(service, op, "output");
  if (!validate(body)) throw new Error(`${op} output breaks the model: ${JSON.stringify(validate.errors)}`);
  return body;
}

/**
 * The page a task's first container serves on its first mapped host port. RUNNING means the
 * container started, not that its server listens yet (on ECS too): a refused connection is tried
 * again for a while, as a user reloads the page.
 */
export async function page(task: any): Promise<string> {
  const url = `http://127.0.0.1:${task.containers[0].networkBindings[0].hostPort}/`;
  for (let tries = 0; ; tries++) {
    try {
      return await (await fetch(url, { signal: AbortSignal.timeout(2000) })).text();
    } catch (e) {
      if (tries >= 30) throw e;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}
