// Managed termination protection: ECS keeps scale-in protection on the group's instances that run
// non-daemon tasks and lifts it from idle ones when it scales in, so the group terminates only idle
// instances (the Developer Guide's "Managed termination protection").
import { AwsError } from "../../../protocol/errors.js";
import type { GroupView } from "../../autoscaling/context.js";
import type { EcsContext } from "../context.js";
import type { ContainerInstance } from "../generated/types.js";
import { groupsPort } from "./autoScaling.js";

function setProtection(ctx: EcsContext, group: GroupView, cis: ContainerInstance[], protect: boolean): void {
  const byId = new Map(group.instances.map((i) => [i.instanceId, i]));
  const ids = cis.map((ci) => ci.ec2InstanceId ?? "").filter((id) => byId.get(id) && byId.get(id)!.protectedFromScaleIn !== protect && byId.get(id)!.lifecycleState === "InService");
  if (!ids.length) return;
  try {
    groupsPort(ctx.backend).setInstanceProtection(ctx.state.accountId, ctx.state.region, group.name, ids, protect);
  } catch (e) {
    if (!(e instanceof AwsError)) throw e;
  }
}

export function protectBusy(ctx: EcsContext, group: GroupView, busy: ContainerInstance[]): void {
  setProtection(ctx, group, busy, true);
}

export function releaseIdle(ctx: EcsContext, group: GroupView, idle: ContainerInstance[]): void {
  setProtection(ctx, group, idle, false);
}
