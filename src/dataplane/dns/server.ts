// The name server ecs-local runs for its containers: one UDP socket on port 53 of each Docker
// engine's bridge gateway (the address its containers reach the host at), answering Cloud Map names
// from the registry and passing every other query to the host's own resolvers. Containers are
// pointed at it (HostConfig.Dns) by the Docker runtime. Binding port 53 takes the privilege to do so;
// without it containers keep the engine's default DNS, and a warning says why.
import { createSocket, type Socket } from "node:dgram";
import { getServers } from "node:dns";
import type * as Packet from "dns-packet";
import type { Logger } from "../../log.js";
import type { RegistryPort } from "../../services/servicediscovery/port.js";
import { answer, type ExtraNames } from "./answers.js";

const AA = 1 << 10;
const RD = 1 << 8;
const RA = 1 << 7;
const SERVFAIL = 2;
const NXDOMAIN = 3;

/** What the runtime asks of an engine to find its bridge gateway. */
export interface EngineLike {
  readonly endpoint: string;
  call(method: string, path: string): Promise<any>;
}

export class ContainerDns {
  private registry: RegistryPort | undefined;
  private extra: ExtraNames | undefined;
  private readonly sockets = new Map<string, Promise<string | undefined>>();
  /** Bridge gateway → its socket's address: engines on the same bridge address share one socket. */
  private readonly byGateway = new Map<string, Promise<string | undefined>>();
  private readonly open: Socket[] = [];
  private closed = false;
  /** dns-packet, loaded when the first socket opens: a server without Docker never loads it. */
  private packet: typeof Packet | undefined;

  constructor(
    private readonly logger: Logger,
    private readonly port = 53,
  ) {}

  attach(registry: RegistryPort, extra?: ExtraNames): void {
    this.registry = registry;
    this.extra = extra;
  }

  /** The address containers on this engine's bridge use as their name server; undefined when it cannot be served. */
  addressFor(engine: EngineLike): Promise<string | undefined> {
    let p = this.sockets.get(engine.endpoint);
    if (!p) {
      p = this.bindFor(engine);
      this.sockets.set(engine.endpoint, p);
    }
    return p;
  }

  private async bindFor(engine: EngineLike): Promise<string | undefined> {
    const net = await engine.call("GET", "/networks/bridge").catch(() => undefined);
    const gateway: string | undefined = net?.IPAM?.Config?.find((c: { Gateway?: string }) => c.Gateway && !c.Gateway.includes(":"))?.Gateway;
    if (!gateway || this.closed) return undefined;
    // Looked up by gateway, never by awaiting another engine's binding: two engines seen at once
    // would each wait for the other's and neither would ever start a container.
    let p = this.byGateway.get(gateway);
    if (!p) {
      p = this.listen(gateway);
      this.byGateway.set(gateway, p);
    }
    return p;
  }

  /** Serves on `address` (also used by the tests, on the loopback); answers it, or undefined when it cannot bind. */
  async listen(address: string): Promise<string | undefined> {
    this.packet ??= ((await import("dns-packet")) as unknown as { default: typeof Packet }).default;
    return new Promise((resolve) => {
      const socket = createSocket("udp4");
      socket.once("error", (e: NodeJS.ErrnoException) => {
        this.logger.warn(`containers cannot resolve Cloud Map names: no name server on ${address}:${this.port} (${e.code ?? e.message})`);
        socket.close();
        resolve(undefined);
      });
      socket.on("message", (msg, from) => void this.onQuery(socket, msg, from.address, from.port));
      socket.bind(this.port, address, () => {
        socket.removeAllListeners("error");
        socket.on("error", (e) => this.logger.warn(`container DNS on ${address}: ${e.message}`));
        this.open.push(socket);
        resolve(address);
      });
    });
  }

  private async onQuery(socket: Socket, msg: Buffer, host: string, port: number): Promise<void> {
    const packet = this.packet!;
    let query: Packet.Packet;
    try {
      query = packet.decode(msg);
    } catch {
      return;
    }
    const q = query.questions?.[0];
    const ours = q && this.registry ? answer(this.registry, { name: q.name, type: q.type }, this.extra) : undefined;
    const reply = ours
      ? packet.encode({ id: query.id, type: "response", flags: AA | RD | RA | (ours.exists ? 0 : NXDOMAIN), questions: query.questions, answers: ours.answers })
      : await this.upstream(msg).catch(() => packet.encode({ id: query.id, type: "response", flags: RD | RA | SERVFAIL, questions: query.questions }));
    if (!this.closed) socket.send(reply, port, host);
  }

  /** Passes a query to the host's first resolver as it is, and its answer back. */
  private upstream(msg: Buffer): Promise<Buffer> {
    const server = getServers().find((s) => !s.includes(":")) ?? "127.0.0.1";
    return new Promise((resolve, reject) => {
      const s = createSocket("udp4");
      const timer = setTimeout(() => (s.close(), reject(new Error("timeout"))), 3000);
      s.once("message", (reply) => {
        clearTimeout(timer);
        s.close();
        resolve(reply);
      });
      s.once("error", (e) => {
        clearTimeout(timer);
        s.close();
        reject(e);
      });
      s.send(msg, 53, server.replace(/:\d+$/, ""));
    });
  }

  close(): void {
    this.closed = true;
    for (const s of this.open) s.close();
    this.open.length = 0;
    this.sockets.clear();
    this.byGateway.clear();
  }
}
