// ELBv2 as the console reads it: a service's target groups, their load balancers' DNS names, and
// the health of their targets.
import type { LoadBalancer, TargetGroup, TargetHealthDescription } from "../../services/elbv2/generated/types.js";
import { API_VERSION, SIGNING_NAME } from "../../services/elbv2/generated/operations.js";
import type { Where } from "./api.js";
import { child, el, items, memberList, Query } from "./query.js";

export function elbv2Client(where: Where): Query {
  return new Query(where, SIGNING_NAME, API_VERSION);
}

const num = (s: string | undefined): number | undefined => (s === undefined || s === "" ? undefined : Number(s));

export async function targetGroup(elb: Query, arn: string): Promise<TargetGroup | undefined> {
  const root = await elb.call("DescribeTargetGroups", memberList("TargetGroupArns", [arn]));
  const m = items(el(root, "DescribeTargetGroupsResult"), "TargetGroups")[0];
  if (!m) return undefined;
  return {
    TargetGroupArn: child(m, "TargetGroupArn"),
    TargetGroupName: child(m, "TargetGroupName"),
    Protocol: child(m, "Protocol") as TargetGroup["Protocol"],
    Port: num(child(m, "Port")),
    TargetType: child(m, "TargetType") as TargetGroup["TargetType"],
    VpcId: child(m, "VpcId"),
    LoadBalancerArns: items(m, "LoadBalancerArns").map((a) => a.textContent ?? ""),
  };
}

export async function loadBalancers(elb: Query, arns: string[]): Promise<LoadBalancer[]> {
  if (arns.length === 0) return [];
  const root = await elb.call("DescribeLoadBalancers", memberList("LoadBalancerArns", arns));
  return items(el(root, "DescribeLoadBalancersResult"), "LoadBalancers").map((m) => ({
    LoadBalancerArn: child(m, "LoadBalancerArn"),
    LoadBalancerName: child(m, "LoadBalancerName"),
    DNSName: child(m, "DNSName"),
    Type: child(m, "Type") as LoadBalancer["Type"],
    State: { Code: child(m, "State", "Code") as NonNullable<LoadBalancer["State"]>["Code"] },
  }));
}

export async function targetHealth(elb: Query, targetGroupArn: string): Promise<TargetHealthDescription[]> {
  const root = await elb.call("DescribeTargetHealth", [["TargetGroupArn", targetGroupArn]]);
  return items(el(root, "DescribeTargetHealthResult"), "TargetHealthDescriptions").map((m) => ({
    Target: { Id: child(m, "Target", "Id") ?? "", Port: num(child(m, "Target", "Port")), AvailabilityZone: child(m, "Target", "AvailabilityZone") },
    TargetHealth: {
      State: child(m, "TargetHealth", "State") as NonNullable<TargetHealthDescription["TargetHealth"]>["State"],
      Reason: child(m, "TargetHealth", "Reason") as NonNullable<TargetHealthDescription["TargetHealth"]>["Reason"],
      Description: child(m, "TargetHealth", "Description"),
    },
  }));
}

/** Every load balancer of the account and region (all pages). */
export async function allLoadBalancers(elb: Query): Promise<LoadBalancer[]> {
  const out: LoadBalancer[] = [];
  let marker: string | undefined;
  do {
    const root = await elb.call("DescribeLoadBalancers", marker ? [["Marker", marker]] : []);
    const result = el(root, "DescribeLoadBalancersResult");
    for (const m of items(result, "LoadBalancers")) {
      out.push({
        LoadBalancerArn: child(m, "LoadBalancerArn"),
        LoadBalancerName: child(m, "LoadBalancerName"),
        DNSName: child(m, "DNSName"),
        Type: child(m, "Type") as LoadBalancer["Type"],
        Scheme: child(m, "Scheme") as LoadBalancer["Scheme"],
        VpcId: child(m, "VpcId"),
        State: { Code: child(m, "State", "Code") as NonNullable<LoadBalancer["State"]>["Code"] },
      });
    }
    marker = child(result, "NextMarker");
  } while (marker);
  return out;
}

export interface ListenerView {
  arn: string;
  protocol: string;
  port: number;
}

export async function listenersOf(elb: Query, lbArn: string): Promise<ListenerView[]> {
  const root = await elb.call("DescribeListeners", [["LoadBalancerArn", lbArn]]);
  return items(el(root, "DescribeListenersResult"), "Listeners").map((m) => ({ arn: child(m, "ListenerArn") ?? "", protocol: child(m, "Protocol") ?? "", port: num(child(m, "Port")) ?? 0 }));
}

/** A rule as the console lists it: its priority, conditions and actions in words. */
export interface RuleView {
  priority: string;
  conditions: string[];
  actions: string[];
  /** Target groups its forward actions use. */
  groups: string[];
}

const texts = (m: Element | undefined, ...path: string[]): string[] => items(m, ...path).map((v) => v.textContent ?? "");

function condition(c: Element): string {
  const field = child(c, "Field") ?? "";
  const header = child(c, "HttpHeaderConfig", "HttpHeaderName");
  const pairs = items(c, "QueryStringConfig", "Values").map((kv) => `${child(kv, "Key") ?? ""}=${child(kv, "Value") ?? ""}`);
  const values = [
    ...texts(c, "Values"),
    ...["PathPatternConfig", "HostHeaderConfig", "HttpHeaderConfig", "HttpRequestMethodConfig", "SourceIpConfig"].flatMap((k) => texts(c, k, "Values")),
    ...pairs,
  ];
  return `${field}${header ? ` ${header}` : ""}: ${[...new Set(values)].join(", ")}`;
}

function action(a: Element): { text: string; groups: string[] } {
  const type = child(a, "Type") ?? "";
  if (type === "forward") {
    const weighted = items(a, "ForwardConfig", "TargetGroups").map((g) => ({ arn: child(g, "TargetGroupArn") ?? "", weight: child(g, "Weight") }));
    const groups = weighted.length ? weighted : [{ arn: child(a, "TargetGroupArn") ?? "", weight: undefined }];
    return { text: `forward to ${groups.map((g) => `${g.arn.split("/").slice(-2, -1)[0]}${groups.length > 1 ? ` (weight ${g.weight})` : ""}`).join(", ")}`, groups: groups.map((g) => g.arn) };
  }
  if (type === "fixed-response") return { text: `fixed response ${child(a, "FixedResponseConfig", "StatusCode")}${child(a, "FixedResponseConfig", "MessageBody") ? `: ${child(a, "FixedResponseConfig", "MessageBody")}` : ""}`, groups: [] };
  if (type === "redirect") {
    const r = (k: string) => child(a, "RedirectConfig", k) ?? "";
    return { text: `redirect ${r("StatusCode").replace("HTTP_", "")} to ${r("Protocol")}://${r("Host")}:${r("Port")}${r("Path")}?${r("Query")}`, groups: [] };
  }
  return { text: type, groups: [] };
}

export async function rulesOf(elb: Query, listenerArn: string): Promise<RuleView[]> {
  const root = await elb.call("DescribeRules", [["ListenerArn", listenerArn]]);
  return items(el(root, "DescribeRulesResult"), "Rules").map((m) => {
    const acts = items(m, "Actions").map(action);
    return { priority: child(m, "Priority") ?? "", conditions: items(m, "Conditions").map(condition), actions: acts.map((x) => x.text), groups: acts.flatMap((x) => x.groups) };
  });
}
