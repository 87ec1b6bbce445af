// EC2 Auto Scaling as the console reads it: the groups behind ECS capacity providers, with their
// sizes and instances (lifecycle state, health, scale-in protection).
import type { AutoScalingGroup, Instance } from "../../services/autoscaling/generated/types.js";
import { API_VERSION, SIGNING_NAME } from "../../services/autoscaling/generated/operations.js";
import type { Where } from "./api.js";
import { allItems, child, items, memberList, num, Query, seconds } from "./query.js";

export function autoScalingClient(where: Where): Query {
  return new Query(where, SIGNING_NAME, API_VERSION);
}

/** A group's name from its ARN (`…:autoScalingGroupName/<name>`); a name is its own name. */
export function groupName(arnOrName: string): string {
  const m = /:autoScalingGroupName\/(.+)$/.exec(arnOrName);
  return m ? m[1] : arnOrName;
}

function instance(m: Element): Instance {
  return {
    InstanceId: child(m, "InstanceId") ?? "",
    InstanceType: child(m, "InstanceType"),
    AvailabilityZone: child(m, "AvailabilityZone") ?? "",
    LifecycleState: (child(m, "LifecycleState") ?? "") as Instance["LifecycleState"],
    HealthStatus: child(m, "HealthStatus") ?? "",
    ProtectedFromScaleIn: child(m, "ProtectedFromScaleIn") === "true",
  };
}

function group(m: Element): AutoScalingGroup {
  return {
    AutoScalingGroupName: child(m, "AutoScalingGroupName") ?? "",
    AutoScalingGroupARN: child(m, "AutoScalingGroupARN"),
    MinSize: num(child(m, "MinSize")) ?? 0,
    MaxSize: num(child(m, "MaxSize")) ?? 0,
    DesiredCapacity: num(child(m, "DesiredCapacity")) ?? 0,
    DefaultCooldown: num(child(m, "DefaultCooldown")) ?? 0,
    AvailabilityZones: items(m, "AvailabilityZones").map((z) => z.textContent ?? ""),
    HealthCheckType: child(m, "HealthCheckType") ?? "",
    CreatedTime: seconds(child(m, "CreatedTime")) ?? 0,
    Instances: items(m, "Instances").map(instance).sort((a, b) => a.InstanceId.localeCompare(b.InstanceId)),
    Status: child(m, "Status"),
    NewInstancesProtectedFromScaleIn: child(m, "NewInstancesProtectedFromScaleIn") === "true",
  };
}

/** The groups among `names` that exist, by name. */
export async function groups(q: Query, names: string[]): Promise<Map<string, AutoScalingGroup>> {
  const out = new Map<string, AutoScalingGroup>();
  if (names.length === 0) return out;
  for (const m of await allItems(q, "DescribeAutoScalingGroups", memberList("AutoScalingGroupNames", names), "AutoScalingGroups")) {
    const g = group(m);
    out.set(g.AutoScalingGroupName, g);
  }
  return out;
}
