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
