// The task endpoints: the data plane that real containers talk to for their metadata, their task
// role's credentials and ecs-local's API. Started with the server when tasks run as containers,
// stopped with it, and outside the API's request path: it reads ECS's state through its port.
//
// Where containers reach it: at 169.254.170.2 (as on ECS) when the host holds that address — on port
// 80 when free, so SDKs take AWS_CONTAINER_CREDENTIALS_RELATIVE_URI, else on a free port with
// AWS_CONTAINER_CREDENTIALS_FULL_URI and a token. Without that address: host-mode containers at
// 127.0.0.1, bridge and awsvpc ones at their engine's bridge gateway, each on a free port.
import { createHash } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Config } from "../config.js";
import type { Logger } from "../log.js";
import type { Backends } from "../services/backends.js";
import type { ContainerNetwork, ContainerRuntime, TaskRun } from "../runtime/runtime.js";
import { containerEnvironment, type EndpointAddress } from "./environment.js";
import { ensureLinkLocal, LINK_LOCAL } from "./linkLocal.js";
import { route, type RouteContext } from "./routes.js";

export interface TaskEndpointsOptions {
  config: Config;
  backends: Backends;
  logger: Logger;
  runtime: () => ContainerRuntime;
  now: () => number;
  api: (req: IncomingMessage, res: ServerResponse) => void;
}

export class TaskEndpoints {
  private readonly servers: Server[] = [];
  private readonly routes: RouteContext;
  private started?: Promise<void>;
  private linkLocal?: EndpointAddress;
  private loopback?: Promise<EndpointAddress | undefined>;
  private readonly gateways = new Map<string, Promise<EndpointAddress | undefined>>();
  private closed = false;

  constructor(private readonly o: TaskEndpointsOptions) {
    this.routes = { backends: o.backends, runtime: o.runtime, now: o.now, api: o.api, samples: new Map() };
  }

  /** Where containers reach the endpoints at 169.254.170.2, once started; undefined without that address. */
  get address(): EndpointAddress | undefined {
    return this.linkLocal;
  }

  /** Gives the runtime's containers their environment from here on. */
  attach(runtime: ContainerRuntime): void {
    runtime.taskEnvironment = (run, container, network) => this.environment(run, container, network);
  }

  start(): Promise<void> {
    return (this.started ??= this.open());
  }

  private async open(): Promise<void> {
    if (!(await ensureLinkLocal(this.o.logger))) {
      this.o.logger.warn(`${LINK_LOCAL} is not on this host (adding it needs root: ip addr add ${LINK_LOCAL}/32 dev lo); containers get the task endpoints at their gateway by full URI`);
      return;
    }
    const wanted = this.o.config.taskEndpointPort;
    let port = wanted ? await this.listen(LINK_LOCAL, wanted, wanted === 80).catch(() => undefined) : undefined;
    if (port === undefined) port = await this.listenSteady(LINK_LOCAL);
    if (port === undefined) return;
    if (wanted && port !== wanted) this.o.logger.warn(`${LINK_LOCAL}:${wanted} is taken: the task endpoints listen on port ${port}, and containers get their credentials by full URI`);
    this.linkLocal = { base: port === 80 ? `http://${LINK_LOCAL}` : `http://${LINK_LOCAL}:${port}`, relative: port === 80 };
  }

  private listen(host: string, port: number, relative: boolean): Promise<number> {
    return new Promise((resolve, reject) => {
      if (this.closed) return reject(new Error("closed"));
      const server = createServer((req, res) => route(this.routes, req, res, relative));
      server.once("error", reject);
      server.listen(port, host, () => {
        server.off("error", reject);
        server.on("error", (e) => this.o.logger.error("task endpoints", e));
        this.servers.push(server);
        resolve((server.address() as AddressInfo).port);
      });
    });
  }

  /**
   * A port of its own: with a state directory the same one at every start (derived from its seed,
   * outside the ephemeral range), since containers that outlive the server keep the address they
   * were given; else, or when that one is taken, any free port.
   */
  private async listenSteady(host: string): Promise<number | undefined> {
    const { stateDir, seed } = this.o.config;
    const steady = stateDir !== undefined && seed !== undefined ? 10_000 + (createHash("sha256").update(`task-endpoints/${seed}`).digest().readUInt16BE(0) % 20_000) : 0;
    const port = steady ? await this.listen(host, steady, false).catch(() => undefined) : undefined;
    return port ?? this.listen(host, 0, false).catch(() => undefined);
  }

  /** A listener on `host` (a free port), made once. */
  private fallback(cache: Map<string, Promise<EndpointAddress | undefined>>, host: string): Promise<EndpointAddress | undefined> {
    let at = cache.get(host);
    if (!at) {
      at = this.listenSteady(host).then((port) => (port === undefined ? undefined : { base: `http://${host}:${port}`, relative: false }));
      cache.set(host, at);
    }
    return at;
  }

  private async addressFor(network: ContainerNetwork): Promise<EndpointAddress | undefined> {
    await this.start();
    if (this.linkLocal) return this.linkLocal;
    if (network.mode !== "host") {
      const gateway = await network.gateway();
      const at = gateway ? await this.fallback(this.gateways, gateway) : undefined;
      if (at) return at;
    }
    return (this.loopback ??= this.fallback(new Map(), "127.0.0.1"));
  }

  async environment(run: TaskRun, container: string, network: ContainerNetwork): Promise<Record<string, string>> {
    const at = await this.addressFor(network);
    if (!at) return {};
    const held = this.o.backends.ecs.endpoints.task(run.task.taskArn!.split("/").pop()!)?.credentials;
    const credentials = held?.task ? { id: held.task.id, token: held.token } : undefined;
    return containerEnvironment(run, container, at, credentials, this.o.config.taskAwsEndpoint);
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.started?.catch(() => undefined);
    await Promise.all(
      this.servers.map((s) => {
        s.closeAllConnections();
        return new Promise<void>((resolve) => s.close(() => resolve()));
      }),
    );
  }
}
