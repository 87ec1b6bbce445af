// Listener and rule actions and conditions: checked against the load balancer and its target
// groups, and shown as AWS shows them (a forward action carries its ForwardConfig too).
import { commonErrors } from "../../../protocol/errors.js";
import type { Elbv2State } from "../context.js";
import { IncompatibleProtocolsException, InvalidLoadBalancerActionException, TargetGroupAssociationLimitException } from "../generated/errors.js";
import type { Action, LoadBalancer, RuleCondition } from "../generated/types.js";
import { getTargetGroup } from "./lookup.js";
import { loadBalancersOf } from "./targets.js";

const APPLICATION_PROTOCOLS = new Set(["HTTP", "HTTPS"]);
const NETWORK_PROTOCOLS = new Set(["TCP", "TLS", "UDP", "TCP_UDP"]);

export function protocolsFor(type: string | undefined): Set<string> {
  return type === "network" ? NETWORK_PROTOCOLS : APPLICATION_PROTOCOLS;
}

/** The target groups an action forwards to. */
export function groupsOf(a: Action): string[] {
  if (a.ForwardConfig?.TargetGroups?.length) return a.ForwardConfig.TargetGroups.map((t) => t.TargetGroupArn!).filter(Boolean);
  return a.TargetGroupArn ? [a.TargetGroupArn] : [];
}

/** Checks actions for a listener or rule of `lb`; answers them as AWS stores them. */
export function checkActions(state: Elbv2State, lb: LoadBalancer, actions: Action[]): Action[] {
  if (actions.length === 0) throw commonErrors.validation("At least one action must be specified");
  return actions.map((a) => {
    switch (a.Type) {
      case "forward":
        return forward(state, lb, a);
      case "fixed-response":
        if (lb.Type !== "application") throw new InvalidLoadBalancerActionException("Fixed-response actions are supported only by Application Load Balancers");
        if (!a.FixedResponseConfig) throw commonErrors.validation("A fixed-response configuration must be specified for a fixed-response action");
        return { Type: a.Type, FixedResponseConfig: a.FixedResponseConfig, ...(a.Order !== undefined ? { Order: a.Order } : {}) };
      case "redirect":
        if (lb.Type !== "application") throw new InvalidLoadBalancerActionException("Redirect actions are supported only by Application Load Balancers");
        if (!a.RedirectConfig) throw commonErrors.validation("A redirect configuration must be specified for a redirect action");
        return { Type: a.Type, RedirectConfig: { Protocol: "#{protocol}", Port: "#{port}", Host: "#{host}", Path: "/#{path}", Query: "#{query}", ...a.RedirectConfig }, ...(a.Order !== undefined ? { Order: a.Order } : {}) };
      default:
        throw commonErrors.unsupported(`ecs-local does not support '${a.Type}' actions yet.`);
    }
  });
}

function forward(state: Elbv2State, lb: LoadBalancer, a: Action): Action {
  const arns = groupsOf(a);
  if (arns.length === 0) throw commonErrors.validation("A target group ARN must be specified for a forward action");
  if (a.TargetGroupArn && a.ForwardConfig?.TargetGroups?.length && !(a.ForwardConfig.TargetGroups.length === 1 && a.ForwardConfig.TargetGroups[0].TargetGroupArn === a.TargetGroupArn)) {
    throw commonErrors.validation("You cannot specify both a target group ARN and a forward config with different target groups");
  }
  for (const arn of arns) {
    const tg = getTargetGroup(state, arn).tg;
    if (!protocolsFor(lb.Type).has(tg.Protocol!)) throw new IncompatibleProtocolsException(`The protocol of the target group '${arn}' is not compatible with the load balancer`);
    const others = loadBalancersOf(state, arn).filter((x) => x !== lb.LoadBalancerArn);
    if (others.length) throw new TargetGroupAssociationLimitException(`The following target groups cannot be associated with more than one load balancer: ${arn}`);
  }
  const weights = a.ForwardConfig?.TargetGroups?.length ? a.ForwardConfig.TargetGroups.map((t) => ({ TargetGroupArn: t.TargetGroupArn!, Weight: t.Weight ?? 1 })) : [{ TargetGroupArn: arns[0], Weight: 1 }];
  return {
    Type: "forward",
    ...(arns.length === 1 ? { TargetGroupArn: arns[0] } : {}),
    ...(a.Order !== undefined ? { Order: a.Order } : {}),
    ForwardConfig: { TargetGroups: weights, TargetGroupStickinessConfig: a.ForwardConfig?.TargetGroupStickinessConfig ?? { Enabled: false } },
  };
}

const CONFIG_OF: Record<string, keyof RuleCondition | undefined> = {
  "path-pattern": "PathPatternConfig",
  "host-header": "HostHeaderConfig",
  "http-header": "HttpHeaderConfig",
  "http-request-method": "HttpRequestMethodConfig",
  "query-string": "QueryStringConfig",
  "source-ip": "SourceIpConfig",
};

/** Path and host conditions carry their values in both places, as AWS answers them. */
export function checkConditions(conditions: RuleCondition[]): RuleCondition[] {
  if (conditions.length === 0) throw commonErrors.validation("A rule must have at least one condition");
  return conditions.map((c) => {
    const field = c.Field ?? "";
    if (!(field in CONFIG_OF)) throw commonErrors.validation(`Condition field '${field}' must be one of '[http-header, http-request-method, host-header, path-pattern, query-string, source-ip]'`);
    const key = CONFIG_OF[field]!;
    const config = c[key] as { Values?: string[] } | undefined;
    if (field === "path-pattern" || field === "host-header") {
      const values = config?.Values ?? c.Values ?? [];
      if (values.length === 0) throw commonErrors.validation(`A condition value must be specified for condition field '${field}'`);
      if (c.Values && config?.Values) throw commonErrors.validation(`You cannot specify both 'Values' and '${key}' for condition field '${field}'`);
      return { Field: field, Values: values, [key]: { Values: values } };
    }
    if (!config) throw commonErrors.validation(`A '${key}' must be specified for condition field '${field}'`);
    return { Field: field, [key]: config };
  });
}
