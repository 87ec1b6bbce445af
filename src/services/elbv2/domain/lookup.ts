// Finding a resource by ARN or name, with AWS's "not found" answers.
import type { Elbv2State, ListenerRecord, LoadBalancerRecord, TargetGroupRecord } from "../context.js";
import { ListenerNotFoundException, LoadBalancerNotFoundException, RuleNotFoundException, TargetGroupNotFoundException } from "../generated/errors.js";
import type { Rule } from "../generated/types.js";

export const notFound = {
  loadBalancers: () => new LoadBalancerNotFoundException("One or more load balancers not found"),
  targetGroups: () => new TargetGroupNotFoundException("One or more target groups not found"),
  listeners: () => new ListenerNotFoundException("One or more listeners not found"),
  rules: () => new RuleNotFoundException("One or more rules not found"),
};

export function getLoadBalancer(state: Elbv2State, arn: string): LoadBalancerRecord {
  const r = state.loadBalancers.get(arn);
  if (!r) throw notFound.loadBalancers();
  return r;
}

export function getTargetGroup(state: Elbv2State, arn: string): TargetGroupRecord {
  const r = state.targetGroups.get(arn);
  if (!r) throw notFound.targetGroups();
  return r;
}

export function getListener(state: Elbv2State, arn: string): ListenerRecord {
  const r = state.listeners.get(arn);
  if (!r) throw notFound.listeners();
  return r;
}

/** A rule's ARN continues its listener's: the listener is found from it without a scan. */
export function findRule(state: Elbv2State, arn: string): { listener: ListenerRecord; rule: Rule } | undefined {
  const listenerArn = arn.replace(":listener-rule/", ":listener/").replace(/\/[0-9a-f]+$/, "");
  const listener = state.listeners.get(listenerArn);
  const rule = listener?.rules.get(arn);
  return listener && rule ? { listener, rule } : undefined;
}

export function getRule(state: Elbv2State, arn: string): { listener: ListenerRecord; rule: Rule } {
  const r = findRule(state, arn);
  if (!r) throw notFound.rules();
  return r;
}

/** The listeners of a load balancer, in the order they were created. */
export function listenersOf(state: Elbv2State, lbArn: string): ListenerRecord[] {
  return [...state.listeners.values()].filter((l) => l.listener.LoadBalancerArn === lbArn);
}
