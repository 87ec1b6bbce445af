import type { Handler } from "../context.js";
import { OperationNotPermittedException } from "../generated/errors.js";
import { listenersOf } from "../domain/lookup.js";
import { forwardsTo, usageChanged } from "../domain/targets.js";
import { listenersChanged } from "../domain/watchers.js";

/**
 * Deletes the load balancer and its listeners and rules; its target groups stay, unused once no
 * other load balancer forwards to them. Deleting one that does not exist succeeds, as in AWS.
 */
export const deleteLoadBalancer: Handler<"DeleteLoadBalancer"> = (input, ctx) => {
  const { state } = ctx;
  const rec = state.loadBalancers.get(input.LoadBalancerArn);
  if (!rec) return {};
  if (rec.attributes.get("deletion_protection.enabled") === "true") {
    throw new OperationNotPermittedException(`Load balancer '${input.LoadBalancerArn}' cannot be deleted because deletion protection is enabled`);
  }
  const groups = new Set<string>();
  for (const l of listenersOf(state, input.LoadBalancerArn)) {
    for (const arn of state.targetGroups.keys()) {
      if ((l.listener.DefaultActions ?? []).some((a) => forwardsTo(a, arn)) || [...l.rules.values()].some((r) => (r.Actions ?? []).some((a) => forwardsTo(a, arn)))) groups.add(arn);
    }
    for (const r of l.rules.keys()) state.tags.delete(r);
    state.listeners.delete(l.listener.ListenerArn!);
    state.tags.delete(l.listener.ListenerArn!);
  }
  state.loadBalancers.delete(input.LoadBalancerArn);
  state.tags.delete(input.LoadBalancerArn);
  for (const arn of groups) usageChanged(ctx.backend, state, arn);
  listenersChanged(ctx.backend);
  return {};
};
