import type { Handler } from "../context.js";
import { ec2Errors } from "../domain/errors.js";
import { isLive } from "../domain/instances.js";
import { findSubnet } from "../domain/network.js";
import { dropSubnetAssociation } from "../domain/vpcDefaults.js";

/** A subnet goes only once no instance or interface uses it. */
export const deleteSubnet: Handler<"DeleteSubnet"> = (input, ctx) => {
  const { state } = ctx;
  const id = findSubnet(state, input.SubnetId).subnet.SubnetId!;
  const inUse = [...state.instances.values()].some((i) => isLive(i) && i.instance.SubnetId === id) || [...state.networkInterfaces.values()].some((n) => n.SubnetId === id);
  if (inUse) throw ec2Errors.dependency(`The subnet '${id}' has dependencies and cannot be deleted.`);
  dropSubnetAssociation(state, id);
  state.subnets.delete(id);
  state.tags.delete(id);
  return {};
};
