import { commonErrors } from "../../../protocol/errors.js";
import type { Handler } from "../context.js";
import { DuplicateListenerException, UnsupportedProtocolException } from "../generated/errors.js";
import { checkActions, groupsOf, protocolsFor } from "../domain/actions.js";
import { getListener, getLoadBalancer, listenersOf } from "../domain/lookup.js";
import { usageChanged } from "../domain/targets.js";
import { listenersChanged } from "../domain/watchers.js";

const SECURE = new Set(["HTTPS", "TLS"]);

/** Everything is checked before anything changes; the default rule follows the default actions. */
export const modifyListener: Handler<"ModifyListener"> = (input, ctx) => {
  const { state } = ctx;
  const rec = getListener(state, input.ListenerArn);
  const l = rec.listener;
  const lb = getLoadBalancer(state, l.LoadBalancerArn!).lb;
  const protocol = input.Protocol ?? l.Protocol!;
  if (!protocolsFor(lb.Type).has(protocol)) throw new UnsupportedProtocolException(`Protocol '${protocol}' is not supported with load balancer type '${lb.Type}'`);
  const port = input.Port ?? l.Port;
  if (listenersOf(state, lb.LoadBalancerArn!).some((o) => o !== rec && o.listener.Port === port)) throw new DuplicateListenerException("A listener already exists on this port for this load balancer");
  const certificates = input.Certificates ?? l.Certificates;
  if (SECURE.has(protocol) && !certificates?.length) throw commonErrors.validation(`A certificate must be specified for ${protocol} listeners`);
  const actions = input.DefaultActions ? checkActions(state, lb, input.DefaultActions) : l.DefaultActions!;
  const before = new Set((l.DefaultActions ?? []).flatMap(groupsOf));
  l.Protocol = protocol;
  l.Port = port;
  if (SECURE.has(protocol)) {
    l.Certificates = certificates;
    l.SslPolicy = input.SslPolicy ?? l.SslPolicy ?? "ELBSecurityPolicy-2016-08";
  } else {
    delete l.Certificates;
    delete l.SslPolicy;
  }
  l.DefaultActions = actions;
  for (const r of rec.rules.values()) if (r.IsDefault) r.Actions = actions;
  for (const tg of new Set([...before, ...actions.flatMap(groupsOf)])) usageChanged(ctx.backend, state, tg);
  listenersChanged(ctx.backend);
  return { Listeners: [structuredClone(l)] };
};
