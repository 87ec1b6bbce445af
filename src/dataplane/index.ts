// The data plane: ELBv2 listeners that carry requests to targets and health checks that really
// probe them, beside the control plane and never on the API's request path. Driven by ELBv2's and
// ECS's state through their ports (elbv2.traffic, elbv2.probing, ecs.addresses).
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Config } from "../config.js";
import type { Timeline } from "../engine/timeline.js";
import type { Logger } from "../log.js";
import type { Backends } from "../services/backends.js";
import { RoundRobin } from "./http/balancer.js";
import { sendError } from "./http/errorPages.js";
import type { ForwardContext } from "./http/forward.js";
import { serveListener } from "./http/listener.js";
import { checkPort } from "./health/probe.js";
import { Prober } from "./health/prober.js";
import { LoopbackListeners } from "./listeners.js";

export interface ListenerUrl {
  accountId: string;
  region: string;
  loadBalancerArn: string;
  loadBalancerName: string;
  listenerArn: string;
  protocol: string;
  port: number;
  /** `http://127.0.0.1:<port>/` when the listener has its loopback port. */
  localUrl?: string;
  /** Through ecs-local's own port by Host: `http://<name>.elb.localhost:<port>/` (the listener of lowest port). */
  hostUrl?: string;
  /** Why there is no local URL. */
  reason?: string;
}

/** `<name>.elb.localhost`, an ALB's `….<region>.elb.amazonaws.com`, an NLB's `….elb.<region>.amazonaws.com`. */
const LB_HOST = /(\.elb\.localhost|\.elb\.amazonaws\.com|\.elb\.[a-z0-9-]+\.amazonaws\.com)$/;

export class DataPlane {
  private readonly ctx: ForwardContext;
  private readonly loopback: LoopbackListeners;
  private readonly prober: Prober;
  private ownPort: number | undefined;
  private readonly watcher = () => this.sync();

  constructor(
    private readonly config: Config,
    private readonly backends: Backends,
    timeline: Timeline,
    logger: Logger,
  ) {
    this.ctx = { traffic: backends.elbv2.traffic, addresses: backends.ecs.addresses, roundRobin: new RoundRobin() };
    this.loopback = new LoopbackListeners(this.ctx, config.elbPortOffset, logger);
    this.prober = new Prober({ traffic: backends.elbv2.traffic, addresses: backends.ecs.addresses, timeline, percent: config.timings.elbTimePercent });
    backends.elbv2.listenerWatchers.add(this.watcher);
    backends.elbv2.probing = (state, tg, t) => backends.ecs.addresses.locate(state.accountId, state.region, tg.tg.TargetType ?? "instance", t.target.Id, checkPort(tg.tg, t.target.Port!)) !== undefined;
    this.prober.start();
  }

  /** ecs-local's own port, for the URLs that go through it. */
  servedAt(port: number): void {
    this.ownPort = port;
  }

  sync(): void {
    this.loopback.sync(this.backends.elbv2.traffic.listeners());
  }

  /** Whether a request to ecs-local's port is for a load balancer (its Host names one). */
  claims(host: string | undefined): boolean {
    if (!host) return false;
    return LB_HOST.test(host.replace(/:\d+$/, "").toLowerCase());
  }

  /** A request through ecs-local's port to the HTTP listener of lowest port of the load balancer its Host names. */
  handleByHost(req: IncomingMessage, res: ServerResponse): void {
    const host = String(req.headers.host ?? "").replace(/:\d+$/, "");
    const found = this.ctx.traffic.loadBalancerByHost(host, { accountId: this.config.accountId, region: this.config.region });
    const listener = found && this.ctx.traffic.listenersOf(found.accountId, found.region, found.lb.LoadBalancerArn!).filter((l) => l.Protocol === "HTTP").sort((a, b) => a.Port! - b.Port!)[0];
    if (!found || !listener) return sendError(res, found ? 503 : 404);
    serveListener(this.ctx, { accountId: found.accountId, region: found.region, lb: found.lb, listener }, this.ownPort ?? this.config.port, req, res);
  }

  urls(): ListenerUrl[] {
    this.sync();
    const lowest = new Map<string, number>();
    for (const s of this.loopback.list()) {
      const l = s.view.listener;
      if (l.Protocol === "HTTP") lowest.set(l.LoadBalancerArn!, Math.min(lowest.get(l.LoadBalancerArn!) ?? Infinity, l.Port!));
    }
    return this.loopback.list().map((s) => {
      const { lb, listener } = s.view;
      const viaHost = lowest.get(lb.LoadBalancerArn!) === listener.Port && this.ownPort !== undefined;
      return {
        accountId: s.view.accountId,
        region: s.view.region,
        loadBalancerArn: lb.LoadBalancerArn!,
        loadBalancerName: lb.LoadBalancerName!,
        listenerArn: listener.ListenerArn!,
        protocol: listener.Protocol!,
        port: listener.Port!,
        ...(s.localPort !== undefined ? { localUrl: `${listener.Protocol === "TCP" ? "tcp" : "http"}://127.0.0.1:${s.localPort}/` } : {}),
        ...(viaHost ? { hostUrl: `http://${lb.LoadBalancerName!.toLowerCase()}.elb.localhost:${this.ownPort}/` } : {}),
        ...(s.localPort === undefined && s.reason ? { reason: s.reason } : {}),
      };
    });
  }

  reset(): void {
    this.ctx.roundRobin.forget();
    this.sync();
  }

  close(): void {
    this.prober.stop();
    this.loopback.close();
    this.backends.elbv2.listenerWatchers.delete(this.watcher);
  }
}
