import type { Handler } from "../context.js";
import { ec2Errors } from "../domain/errors.js";
import { isLive } from "../domain/instances.js";
import { findVpc } from "../domain/network.js";
import { removeVpcCompanions, vpcHasNetworkDependents } from "../domain/vpcDefaults.js";

/** A VPC goes only once nothing is left in it but what it came with (main route table, default ACL and group). */
export const deleteVpc: Handler<"DeleteVpc"> = (input, ctx) => {
  const { state } = ctx;
  const rec = findVpc(state, input.VpcId);
  const id = rec.vpc.VpcId!;
  const inUse =
    [...state.subnets.values()].some((s) => s.subnet.VpcId === id) ||
    [...state.securityGroups.values()].some((g) => g.VpcId === id && g.GroupName !== "default") ||
    [...state.instances.values()].some((i) => isLive(i) && i.instance.VpcId === id) ||
    vpcHasNetworkDependents(state, id);
  if (inUse) throw ec2Errors.dependency(`The vpc '${id}' has dependencies and cannot be deleted.`);
  removeVpcCompanions(state, id);
  state.vpcs.delete(id);
  state.tags.delete(id);
  return {};
};
