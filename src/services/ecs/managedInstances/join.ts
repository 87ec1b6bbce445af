// A managed instance's agent registered: ECS knows its container instance from now on, starts its
// daemons before anything else goes there, and watches whether it stays idle.
import type { EcsContext } from "../context.js";
import type { ContainerInstance } from "../generated/types.js";
import type { ClusterRecord } from "../store.js";
import { startDaemonsOn } from "../daemons/instances.js";

export function managedJoined(ctx: EcsContext, rec: ClusterRecord, id: string, ci: ContainerInstance): void {
  const mi = ci.ec2InstanceId ? ctx.state.managedInstances.get(ci.ec2InstanceId) : undefined;
  if (!mi) return;
  mi.containerInstanceId = id;
  startDaemonsOn(ctx, rec, ci, mi);
  ctx.backend.fleet.look(ctx.state, mi);
}
