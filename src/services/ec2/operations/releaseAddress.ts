import type { Handler } from "../context.js";
import { disassociate, findAddress } from "../domain/addresses.js";
import { ec2Errors } from "../domain/errors.js";
import { defaultVpc } from "../domain/network.js";
import { networkErrors } from "../domain/networkErrors.js";
import { releasePublicIp } from "../domain/publicIps.js";
import { forgetTags } from "../domain/tags.js";

/** Refused while associated, except in the default VPC, where the address comes off first. */
export const releaseAddress: Handler<"ReleaseAddress"> = (input, ctx) => {
  const { state } = ctx;
  if (input.AllocationId === undefined) {
    if (input.PublicIp !== undefined) throw ec2Errors.invalidParameter("You must specify an allocation id when releasing a VPC elastic IP address");
    throw networkErrors.missing("allocationId");
  }
  const rec = findAddress(state, input.AllocationId);
  if (input.NetworkBorderGroup !== undefined && input.NetworkBorderGroup !== rec.address.NetworkBorderGroup) throw networkErrors.addressNotFound(rec.address.PublicIp!);
  const eniId = rec.address.NetworkInterfaceId;
  if (eniId !== undefined) {
    const inDefaultVpc = state.networkInterfaces.get(eniId)?.VpcId === defaultVpc(state)?.vpc.VpcId;
    if (rec.natGatewayId || !inDefaultVpc) throw networkErrors.addressInUse(rec.address.PublicIp!);
    disassociate(state, rec);
  }
  state.addresses.delete(rec.address.AllocationId!);
  releasePublicIp(state, rec.address.PublicIp!);
  forgetTags(state, rec.address.AllocationId!);
  return {};
};
