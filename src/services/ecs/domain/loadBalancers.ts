// What CreateService and UpdateService check of a service's load balancers, in ECS's words: the
// target group must exist and be used by a load balancer, and the container and port must exist.
// ELBv2 is reached through its port (`peers.elbv2.targets`), never imported.
import type { EcsContext } from "../context.js";
import { InvalidParameterException } from "../generated/errors.js";
import type { LoadBalancer, TaskDefinition } from "../generated/types.js";
import { effectiveNetworkMode } from "./resources.js";

export function checkLoadBalancers(ctx: EcsContext, loadBalancers: LoadBalancer[] | undefined, td: TaskDefinition | undefined): void {
  for (const lb of loadBalancers ?? []) {
    if (!lb.targetGroupArn) {
      // Classic Load Balancers are not served here, so the one named never exists.
      if (lb.loadBalancerName) throw new InvalidParameterException(`The load balancer ${lb.loadBalancerName} does not exist.`);
      throw new InvalidParameterException("Target group arn can not be blank.");
    }
    if (!lb.containerName) throw new InvalidParameterException("Container Name can not be blank.");
    if (lb.containerPort === undefined) throw new InvalidParameterException("Container Port can not be blank.");
    const group = ctx.backend.peers.elbv2.targets.find(ctx.state.accountId, ctx.state.region, lb.targetGroupArn);
    if (!group) throw new InvalidParameterException("Unable to assume role and validate the specified targetGroupArn. Please verify that the ECS service role being passed has the proper permissions.");
    if (!group.hasLoadBalancer) throw new InvalidParameterException(`The target group with targetGroupArn ${lb.targetGroupArn} does not have an associated load balancer.`);
    if (!td) continue;
    if (effectiveNetworkMode(td) === "awsvpc" && group.targetType !== "ip") {
      throw new InvalidParameterException(`The provided target group ${lb.targetGroupArn} has target type ${group.targetType}, which is incompatible with the awsvpc network mode specified in the task definition.`);
    }
    const container = (td.containerDefinitions ?? []).find((c) => c.name === lb.containerName);
    if (!container) throw new InvalidParameterException(`The container ${lb.containerName} does not exist in the task definition.`);
    if (!(container.portMappings ?? []).some((p) => p.containerPort === lb.containerPort)) {
      throw new InvalidParameterException(`The container ${lb.containerName} did not have a container port ${lb.containerPort} defined.`);
    }
  }
}
