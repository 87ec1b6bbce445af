import type { Handler } from "../context.js";
import { ec2Errors } from "../domain/errors.js";
import { isLive } from "../domain/instances.js";
import { findVpc } from "../domain/network.js";

/** A VPC goes only once nothing is left in it but its default security group. */
export const deleteVpc: Handler<"DeleteVpc"> = (input, ctx) => {
  const { state } = ctx;
  const rec = findVpc(state, input.VpcId);
  const id = rec.vpc.VpcId!;
  const inUse =
    [...state.subnets.values()].some((s) => s.subnet.VpcId === id) ||
    [...state.securityGroups.values()].some((g) => g.VpcId === id && g.GroupName !== "default") ||
    [...state.instances.values()].some((i) => isLive(i) && i.instance.VpcId === id);
  if (inUse) throw ec2Errors.dependency(`The vpc '${id}' has dependencies and cannot be deleted.`);
  for (const [gid, g] of state.securityGroups) {
    if (g.VpcId === id) {
      state.securityGroups.delete(gid);
      state.tags.delete(gid);
    }
  }
  state.vpcs.delete(id);
  state.tags.delete(id);
  return {};
};
