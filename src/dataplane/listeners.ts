// The loopback sockets of ELBv2 listeners: an ALB's HTTP listener and an NLB's TCP listener each get
// one at the port --elb-port-offset maps theirs to, when that port is free; HTTPS, TLS and UDP are
// not served (no certificates here; UDP not yet), and say why.
import { createServer as createHttpServer, type Server as HttpServer } from "node:http";
import { createServer as createTcpServer, type Server as TcpServer } from "node:net";
import type { Logger } from "../log.js";
import type { ListenerView } from "../services/elbv2/trafficPort.js";
import type { ForwardContext } from "./http/forward.js";
import { serveListener } from "./http/listener.js";
import { serveTcp } from "./tcp.js";

/** Where a listener can be reached on this machine. */
export interface Served {
  view: ListenerView;
  /** The loopback port, once bound. */
  localPort?: number;
  /** Why the listener has no loopback port (taken, off, a protocol not served). */
  reason?: string;
  server?: HttpServer | TcpServer;
}

/** The loopback port a listener port maps to; undefined when loopback listeners are off. */
export function localPortFor(port: number, offset: number): number | undefined {
  if (offset < 0) return undefined;
  return port < 1024 ? port + offset : port;
}

export function notServed(protocol: string | undefined): string | undefined {
  if (protocol === "HTTPS" || protocol === "TLS") return `${protocol} listeners are not served: ecs-local holds no certificates`;
  if (protocol === "UDP" || protocol === "TCP_UDP") return `${protocol} listeners are not served yet`;
  return undefined;
}

export class LoopbackListeners {
  private readonly served = new Map<string, Served>();

  constructor(
    private readonly ctx: ForwardContext,
    private readonly offset: number,
    private readonly logger: Logger,
  ) {}

  list(): Served[] {
    return [...this.served.values()];
  }

  /** Opens sockets for new listeners, closes those of listeners gone or moved. */
  sync(views: ListenerView[]): void {
    const wanted = new Map(views.map((v) => [v.listener.ListenerArn!, v]));
    for (const [arn, s] of this.served) {
      const now = wanted.get(arn);
      if (!now || now.listener.Port !== s.view.listener.Port || now.listener.Protocol !== s.view.listener.Protocol) {
        s.server?.close();
        this.served.delete(arn);
      } else s.view = now;
    }
    for (const [arn, view] of wanted) if (!this.served.has(arn)) this.open(arn, view);
  }

  private open(arn: string, view: ListenerView): void {
    const s: Served = { view };
    this.served.set(arn, s);
    const why = notServed(view.listener.Protocol);
    const port = localPortFor(view.listener.Port!, this.offset);
    if (why || port === undefined) {
      s.reason = why ?? "loopback listeners are off (--elb-port-offset off)";
      return;
    }
    if ([...this.served.values()].some((o) => o !== s && o.localPort === port)) {
      s.reason = `port ${port} is served for another listener`;
      return;
    }
    const server =
      view.listener.Protocol === "TCP"
        ? createTcpServer((socket) => serveTcp(this.ctx, s.view, socket))
        : createHttpServer((req, res) => serveListener(this.ctx, s.view, port, req, res));
    s.server = server;
    server.on("error", (e: NodeJS.ErrnoException) => {
      s.server = undefined;
      s.reason = e.code === "EADDRINUSE" ? `port ${port} is taken on 127.0.0.1` : e.code === "EACCES" ? `port ${port} needs privileges` : `cannot listen on ${port}: ${e.message}`;
      this.logger.warn(`listener ${arn} is served only through ecs-local's port: ${s.reason}`);
    });
    server.listen(port, "127.0.0.1", () => {
      if (this.served.get(arn) !== s) return void server.close();
      s.localPort = port;
      const { lb, listener } = s.view;
      this.logger.info(`load balancer ${lb.LoadBalancerName}: ${listener.Protocol} listener on port ${listener.Port} served at ${listener.Protocol === "TCP" ? "tcp" : "http"}://127.0.0.1:${port}/`);
    });
  }

  close(): void {
    for (const s of this.served.values()) {
      s.server?.close();
      if (s.server && "closeAllConnections" in s.server) s.server.closeAllConnections();
    }
    this.served.clear();
  }
}
