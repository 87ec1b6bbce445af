// What CreateExpressGatewayService and UpdateExpressGatewayService check before anything is made:
// the roles (IAM's), the Fargate size, the port and the scaling bounds.
import type { EcsContext } from "../context.js";
import { AccessDeniedException, InvalidParameterException } from "../generated/errors.js";
import type { ExpressGatewayServiceConfiguration } from "../generated/types.js";
import { fargateSizeError, isFargateSize, parseTaskCpu, parseTaskMemory } from "../domain/fargate.js";

/** The words Terraform's provider retries on while a new role propagates (internal/service/ecs/express_gateway_service.go). */
export function checkRole(ctx: EcsContext, arn: string | undefined): void {
  if (arn !== undefined && !ctx.backend.peers.iam.role(ctx.state.accountId, arn)) throw new AccessDeniedException(`Cannot assume role ${arn}.`);
}

export function checkConfiguration(ctx: EcsContext, c: ExpressGatewayServiceConfiguration): void {
  checkRole(ctx, c.executionRoleArn);
  checkRole(ctx, c.taskRoleArn);
  const cpu = parseTaskCpu(c.cpu!);
  const memory = parseTaskMemory(c.memory!);
  if (!isFargateSize(cpu, memory)) throw fargateSizeError(cpu, memory);
  const pc = c.primaryContainer!;
  if (!pc.image) throw new InvalidParameterException("primaryContainer.image should not be null or empty.");
  if (pc.containerPort! < 1 || pc.containerPort! > 65535) throw new InvalidParameterException("containerPort must be between 1 and 65535.");
  if (!c.healthCheckPath!.startsWith("/")) throw new InvalidParameterException("healthCheckPath must start with '/'.");
  const s = c.scalingTarget!;
  if (s.minTaskCount! < 0 || s.maxTaskCount! < 1) throw new InvalidParameterException("minTaskCount must be at least 0 and maxTaskCount at least 1.");
  if (s.minTaskCount! > s.maxTaskCount!) throw new InvalidParameterException("minTaskCount must be less than or equal to maxTaskCount.");
  if (s.autoScalingTargetValue! <= 0) throw new InvalidParameterException("autoScalingTargetValue must be greater than 0.");
}
