// What an Express service asks of the other services, through their own operations run in process
// (validated and answered as on the wire, so every resource it makes is visible there): ELBv2's load
// balancer, listener, rule and target groups, EC2's security groups, the log group, and Application
// Auto Scaling's scalable target and policy.
import { AwsError } from "../../../protocol/errors.js";
import type { EcsBackend, EcsContext } from "../context.js";
import { InvalidParameterException } from "../generated/errors.js";

/** The tag ECS puts on what it manages for Express services (seen on their load balancers and groups). */
export const MANAGED_TAGS = [{ Key: "AmazonECSManaged", Value: "true" }];

const OPERATIONS: Record<string, string[]> = {
  elbv2: ["CreateLoadBalancer", "CreateListener", "CreateRule", "ModifyRule", "DeleteRule", "CreateTargetGroup", "DeleteTargetGroup", "DeleteListener", "DeleteLoadBalancer"],
  ec2: ["CreateSecurityGroup", "AuthorizeSecurityGroupIngress", "DeleteSecurityGroup", "DescribeSubnets", "DescribeVpcs", "DescribeSecurityGroups"],
  logs: ["CreateLogGroup"],
  "application-autoscaling": ["RegisterScalableTarget", "PutScalingPolicy", "DeregisterScalableTarget"],
};

/** Loads the operations Express calls; undefined when loaded (await only then, so that timers never wait). */
export function loadExpressPeers(backend: EcsBackend): Promise<void> | undefined {
  const pending = Object.entries(OPERATIONS)
    .map(([service, ops]) => backend.peers.client.load(service, ops))
    .filter((p): p is Promise<void> => p !== undefined);
  return pending.length ? Promise.all(pending).then(() => undefined) : undefined;
}

/** Runs another service's operation as ECS's infrastructure role would; throws its AwsError. */
export function call<T = any>(ctx: EcsContext, service: string, operation: string, input: Record<string, unknown>): T {
  const request = { accountId: ctx.state.accountId, region: ctx.state.region, requestId: ctx.backend.ids.uuid() };
  return ctx.backend.peers.client.call<T>(service, operation, input, request);
}

/** The same, a refusal answered to the caller as ECS's InvalidParameterException with the other service's words. */
export function provision<T = any>(ctx: EcsContext, service: string, operation: string, input: Record<string, unknown>): T {
  try {
    return call<T>(ctx, service, operation, input);
  } catch (e) {
    if (e instanceof AwsError) throw new InvalidParameterException(`${e.message} (Service: ${service}, ErrorCode: ${e.code})`);
    throw e;
  }
}

/** The same for cleanup that may find the thing gone already: an AwsError is ignored. */
export function tryCall(ctx: EcsContext, service: string, operation: string, input: Record<string, unknown>): boolean {
  try {
    call(ctx, service, operation, input);
    return true;
  } catch (e) {
    if (e instanceof AwsError) return false;
    throw e;
  }
}
