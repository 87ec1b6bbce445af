// A network load balancer's TCP listener: each connection goes to one target of the default
// action's group, in turn over the healthy ones (all live ones when none is), and is piped both
// ways; a connection with nowhere to go is closed, as an NLB resets it.
import { connect, type Socket } from "node:net";
import type { ListenerView } from "../services/elbv2/trafficPort.js";
import { pickGroup, routable, weightsOf } from "./http/balancer.js";
import type { ForwardContext } from "./http/forward.js";

export function serveTcp(ctx: ForwardContext, view: ListenerView, client: Socket): void {
  const rules = ctx.traffic.rules(view.accountId, view.region, view.listener.ListenerArn!);
  const action = rules?.find((r) => r.IsDefault)?.Actions?.find((a) => a.Type === "forward");
  const arn = action ? pickGroup(weightsOf(action), Math.random()) : undefined;
  const group = arn ? ctx.traffic.group(view.accountId, view.region, arn) : undefined;
  const target = group ? ctx.roundRobin.pick(arn!, routable(group)) : undefined;
  const where = target && ctx.addresses.locate(view.accountId, view.region, group!.tg.TargetType ?? "instance", target.id, target.port);
  if (!where) {
    client.resetAndDestroy();
    return;
  }
  const upstream = connect({ host: where.host, port: where.port });
  upstream.on("error", () => client.destroy());
  client.on("error", () => upstream.destroy());
  client.pipe(upstream).pipe(client);
}
