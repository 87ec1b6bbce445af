// The names ECS gives what it makes for an Express service (FIDELITY.md, Express Gateway services): the endpoint
// https://<first two letters of the service>-<32 hex>.ecs.<region>.on.aws (as AWS hands them out),
// and, chosen, the service's name when none is given, its target groups, security group and log group.
import type { EcsContext } from "../context.js";

export function endpointHost(ctx: EcsContext, serviceName: string): string {
  const prefix = serviceName.replace(/[^a-zA-Z0-9]/g, "").slice(0, 2).toLowerCase().padEnd(2, "x");
  return `${prefix}-${ctx.state.ids.hexId()}.ecs.${ctx.state.region}.on.aws`;
}

/** A name from the image's repository and a few hex digits: `nginx-3f9a1c2e`. */
export function generatedServiceName(ctx: EcsContext, image: string): string {
  const repo = image.split("@")[0].split("/").pop()!.split(":")[0].replace(/[^a-zA-Z0-9_-]/g, "-").slice(0, 200) || "service";
  return `${repo}-${ctx.state.ids.hexId().slice(0, 8)}`;
}

export const targetGroupName = (ctx: EcsContext): string => `ecs-gateway-tg-${ctx.state.ids.hexId().slice(0, 17)}`;
export const serviceGroupName = (ctx: EcsContext, service: string): string => `ecs-express-${service.slice(0, 200)}-${ctx.state.ids.hexId().slice(0, 8)}`;
export const logGroupName = (ctx: EcsContext, cluster: string, service: string): string => `/aws/ecs/${cluster}/${service}-${ctx.state.ids.hexId().slice(0, 4)}`;
export const policyName = (service: string): string => `${service}-target-tracking-policy`;
