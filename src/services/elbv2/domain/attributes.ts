// Load balancer and target group attributes: AWS's defaults per type and protocol, and the checks
// ModifyLoadBalancerAttributes / ModifyTargetGroupAttributes make before changing anything.
import { InvalidConfigurationRequestException } from "../generated/errors.js";
import { AwsError, commonErrors } from "../../../protocol/errors.js";
import type { LoadBalancerAttribute, TargetGroupAttribute } from "../generated/types.js";

const TARGET_GROUP_HEALTH = {
  "target_group_health.dns_failover.minimum_healthy_targets.count": "1",
  "target_group_health.dns_failover.minimum_healthy_targets.percentage": "off",
  "target_group_health.unhealthy_state_routing.minimum_healthy_targets.count": "1",
  "target_group_health.unhealthy_state_routing.minimum_healthy_targets.percentage": "off",
};

const ALB: Record<string, string> = {
  "access_logs.s3.enabled": "false",
  "access_logs.s3.bucket": "",
  "access_logs.s3.prefix": "",
  "connection_logs.s3.enabled": "false",
  "connection_logs.s3.bucket": "",
  "connection_logs.s3.prefix": "",
  "client_keep_alive.seconds": "3600",
  "deletion_protection.enabled": "false",
  "idle_timeout.timeout_seconds": "60",
  "load_balancing.cross_zone.enabled": "true",
  "routing.http.desync_mitigation_mode": "defensive",
  "routing.http.drop_invalid_header_fields.enabled": "false",
  "routing.http.preserve_host_header.enabled": "false",
  "routing.http.x_amzn_tls_version_and_cipher_suite.enabled": "false",
  "routing.http.xff_client_port.enabled": "false",
  "routing.http.xff_header_processing.mode": "append",
  "routing.http2.enabled": "true",
  "waf.fail_open.enabled": "false",
};

const NLB: Record<string, string> = {
  "access_logs.s3.enabled": "false",
  "access_logs.s3.bucket": "",
  "access_logs.s3.prefix": "",
  "deletion_protection.enabled": "false",
  "dns_record.client_routing_policy": "any_availability_zone",
  "load_balancing.cross_zone.enabled": "false",
};

const HTTP_TARGETS: Record<string, string> = {
  "deregistration_delay.timeout_seconds": "300",
  "load_balancing.algorithm.anomaly_mitigation": "off",
  "load_balancing.algorithm.type": "round_robin",
  "load_balancing.cross_zone.enabled": "use_load_balancer_configuration",
  "slow_start.duration_seconds": "0",
  "stickiness.app_cookie.cookie_name": "",
  "stickiness.app_cookie.duration_seconds": "86400",
  "stickiness.enabled": "false",
  "stickiness.lb_cookie.duration_seconds": "86400",
  "stickiness.type": "lb_cookie",
  ...TARGET_GROUP_HEALTH,
};

const TCP_TARGETS: Record<string, string> = {
  "deregistration_delay.connection_termination.enabled": "false",
  "deregistration_delay.timeout_seconds": "300",
  "load_balancing.cross_zone.enabled": "use_load_balancer_configuration",
  "preserve_client_ip.enabled": "true",
  "proxy_protocol_v2.enabled": "false",
  "stickiness.enabled": "false",
  "stickiness.type": "source_ip",
  "target_health_state.unhealthy.connection_termination.enabled": "true",
  "target_health_state.unhealthy.draining_interval_seconds": "0",
  ...TARGET_GROUP_HEALTH,
};

export function loadBalancerDefaults(type: string): Map<string, string> {
  return new Map(Object.entries(type === "network" ? NLB : ALB));
}

export function targetGroupDefaults(protocol: string | undefined, targetType: string): Map<string, string> {
  const http = protocol === "HTTP" || protocol === "HTTPS";
  const out = new Map(Object.entries(http ? HTTP_TARGETS : TCP_TARGETS));
  // An ip target group behind TCP or TLS sees the load balancer's address unless asked otherwise.
  if (!http && targetType === "ip" && protocol !== "UDP" && protocol !== "TCP_UDP") out.set("preserve_client_ip.enabled", "false");
  return out;
}

/** Whole-number attributes and their ranges; booleans are every key ending `.enabled`. */
const RANGES: Record<string, [number, number]> = {
  "deregistration_delay.timeout_seconds": [0, 3600],
  "idle_timeout.timeout_seconds": [1, 4000],
  "client_keep_alive.seconds": [60, 604800],
  "slow_start.duration_seconds": [0, 900],
  "stickiness.lb_cookie.duration_seconds": [1, 604800],
  "stickiness.app_cookie.duration_seconds": [1, 604800],
};

function invalid(message: string): AwsError {
  return new InvalidConfigurationRequestException(message);
}

/** Checks every pair before any is applied: a request with one bad attribute changes nothing. */
export function applyAttributes(current: Map<string, string>, changes: (LoadBalancerAttribute | TargetGroupAttribute)[]): void {
  for (const { Key, Value } of changes) {
    if (!Key || !current.has(Key)) throw commonErrors.validation(`Attribute key '${Key ?? ""}' is not recognized`);
    const value = Value ?? "";
    if (Key.endsWith(".enabled") && Key !== "load_balancing.cross_zone.enabled" && value !== "true" && value !== "false") {
      throw invalid(`The value of '${Key}' must be either 'true' or 'false'`);
    }
    const range = RANGES[Key];
    if (range) {
      const n = Number(value);
      if (!/^\d+$/.test(value) || n < range[0] || n > range[1]) throw invalid(`The value of '${Key}' must be between '${range[0]}' and '${range[1]}'`);
    }
  }
  for (const { Key, Value } of changes) current.set(Key!, Value ?? "");
}

export function attributeList(m: Map<string, string>): { Key: string; Value: string }[] {
  return [...m].map(([Key, Value]) => ({ Key, Value }));
}
