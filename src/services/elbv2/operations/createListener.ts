import { commonErrors } from "../../../protocol/errors.js";
import type { Handler, ListenerRecord } from "../context.js";
import { DuplicateListenerException, UnsupportedProtocolException } from "../generated/errors.js";
import type { Listener } from "../generated/types.js";
import { checkActions, groupsOf, protocolsFor } from "../domain/actions.js";
import { listenerArn, ruleArn } from "../domain/ids.js";
import { getLoadBalancer, listenersOf } from "../domain/lookup.js";
import { addTags, checkNewTags } from "../domain/tags.js";
import { usageChanged } from "../domain/targets.js";
import { listenersChanged } from "../domain/watchers.js";

const SECURE = new Set(["HTTPS", "TLS"]);

/** The listener and its default rule; the groups it forwards to start checking their targets. */
export const createListener: Handler<"CreateListener"> = (input, ctx) => {
  const { state } = ctx;
  const lb = getLoadBalancer(state, input.LoadBalancerArn).lb;
  const protocol = input.Protocol ?? (lb.Type === "network" ? "TCP" : "HTTP");
  if (!protocolsFor(lb.Type).has(protocol)) throw new UnsupportedProtocolException(`Protocol '${protocol}' is not supported with load balancer type '${lb.Type}'`);
  if (input.Port === undefined) throw commonErrors.validation("A listener port must be specified");
  if (SECURE.has(protocol) && !input.Certificates?.length) throw commonErrors.validation(`A certificate must be specified for ${protocol} listeners`);
  if (listenersOf(state, lb.LoadBalancerArn!).some((l) => l.listener.Port === input.Port)) throw new DuplicateListenerException("A listener already exists on this port for this load balancer");
  checkNewTags(input.Tags);
  const actions = checkActions(state, lb, input.DefaultActions);
  const arn = listenerArn(state.ids, lb.LoadBalancerArn!);
  const listener: Listener = {
    ListenerArn: arn,
    LoadBalancerArn: lb.LoadBalancerArn,
    Port: input.Port,
    Protocol: protocol,
    ...(SECURE.has(protocol) ? { Certificates: input.Certificates, SslPolicy: input.SslPolicy ?? "ELBSecurityPolicy-2016-08" } : {}),
    DefaultActions: actions,
    ...(input.AlpnPolicy ? { AlpnPolicy: input.AlpnPolicy } : {}),
  };
  const defaultRule = ruleArn(state.ids, arn);
  const rec: ListenerRecord = { listener, rules: new Map([[defaultRule, { RuleArn: defaultRule, Priority: "default", Conditions: [], Actions: actions, IsDefault: true }]]) };
  state.listeners.set(arn, rec);
  addTags(state, arn, input.Tags);
  for (const tg of new Set(actions.flatMap(groupsOf))) usageChanged(ctx.backend, state, tg);
  listenersChanged(ctx.backend);
  return { Listeners: [structuredClone(listener)] };
};
