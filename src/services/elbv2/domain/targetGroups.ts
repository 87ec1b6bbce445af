// Target groups as AWS creates and shows them: health-check defaults per protocol, and the load
// balancers that forward to each (derived from listeners and rules, never stored twice).
import { commonErrors } from "../../../protocol/errors.js";
import type { Elbv2State, TargetGroupRecord } from "../context.js";
import type { CreateTargetGroupInput, TargetGroup } from "../generated/types.js";
import { loadBalancersOf } from "./targets.js";

const HTTP = new Set(["HTTP", "HTTPS"]);

/** The group as DescribeTargetGroups shows it, its load balancers filled in. */
export function showTargetGroup(state: Elbv2State, r: TargetGroupRecord): TargetGroup {
  return { ...structuredClone(r.tg), LoadBalancerArns: loadBalancersOf(state, r.tg.TargetGroupArn!) };
}

/** The health check a new group gets: what was asked, else the model's documented default for its protocol. */
export function newTargetGroup(input: CreateTargetGroupInput, arn: string): TargetGroup {
  const protocol = input.Protocol!;
  const hcProtocol = input.HealthCheckProtocol ?? (HTTP.has(protocol) ? protocol : "TCP");
  if (HTTP.has(protocol) && hcProtocol === "TCP") throw commonErrors.validation("Health check protocol 'TCP' is not supported for target groups with protocol 'HTTP' or 'HTTPS'");
  const httpCheck = HTTP.has(hcProtocol);
  if (!httpCheck && (input.HealthCheckPath !== undefined || input.Matcher !== undefined)) {
    throw commonErrors.validation(`Health check path and matcher are not supported for health check protocol '${hcProtocol}'`);
  }
  const version = HTTP.has(protocol) ? (input.ProtocolVersion ?? "HTTP1") : undefined;
  const interval = input.HealthCheckIntervalSeconds ?? 30;
  const timeout = input.HealthCheckTimeoutSeconds ?? (protocol === "HTTP" ? 6 : 10);
  if (timeout >= interval) throw commonErrors.validation("Health check interval must be greater than the timeout.");
  return {
    TargetGroupArn: arn,
    TargetGroupName: input.Name,
    Protocol: protocol,
    Port: input.Port,
    VpcId: input.VpcId,
    HealthCheckProtocol: hcProtocol,
    HealthCheckPort: input.HealthCheckPort ?? "traffic-port",
    HealthCheckEnabled: true,
    HealthCheckIntervalSeconds: interval,
    HealthCheckTimeoutSeconds: timeout,
    HealthyThresholdCount: input.HealthyThresholdCount ?? 5,
    UnhealthyThresholdCount: input.UnhealthyThresholdCount ?? 2,
    ...(httpCheck ? { HealthCheckPath: input.HealthCheckPath ?? (version === "GRPC" ? "/AWS.ALB/healthcheck" : "/"), Matcher: input.Matcher ?? (version === "GRPC" ? { GrpcCode: "12" } : { HttpCode: "200" }) } : {}),
    LoadBalancerArns: [],
    TargetType: input.TargetType ?? "instance",
    ...(version ? { ProtocolVersion: version } : {}),
    IpAddressType: input.IpAddressType ?? "ipv4",
  };
}
