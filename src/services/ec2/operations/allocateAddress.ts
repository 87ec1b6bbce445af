import { AwsError } from "../../../protocol/errors.js";
import type { Handler } from "../context.js";
import { ec2Errors } from "../domain/errors.js";
import { ec2Id } from "../domain/ids.js";
import { networkErrors } from "../domain/networkErrors.js";
import { takePublicIp } from "../domain/publicIps.js";
import { checkTagSpecifications, putTags, tagsFor } from "../domain/tags.js";

/** An address from the public pool (or the one asked for, when it is free), in the region's border group. */
export const allocateAddress: Handler<"AllocateAddress"> = (input, ctx) => {
  const { state } = ctx;
  if (input.PublicIpv4Pool !== undefined && input.PublicIpv4Pool !== "amazon") throw new AwsError("InvalidPublicIpv4PoolID.NotFound", `The pool ID '${input.PublicIpv4Pool}' does not exist`);
  if (input.CustomerOwnedIpv4Pool !== undefined) throw new AwsError("InvalidCoipPoolID.NotFound", `The pool ID '${input.CustomerOwnedIpv4Pool}' does not exist`);
  if (input.IpamPoolId !== undefined) throw new AwsError("InvalidIpamPoolId.NotFound", `The pool ID '${input.IpamPoolId}' does not exist`);
  if (input.NetworkBorderGroup !== undefined && input.NetworkBorderGroup !== state.region) throw ec2Errors.invalidParameter(`Invalid value '${input.NetworkBorderGroup}' for networkBorderGroup.`);
  checkTagSpecifications(input.TagSpecifications, ["elastic-ip"]);
  const allocationId = ec2Id(state.ids, "eipalloc");
  let ip: string | undefined;
  if (input.Address !== undefined) {
    if (state.publicIps.has(input.Address) || !/^(192\.0\.2|198\.51\.100|203\.0\.113)\.(\d+)$/.test(input.Address)) throw networkErrors.addressNotFound(input.Address);
    ip = input.Address;
    state.publicIps.set(ip, allocationId);
  } else ip = takePublicIp(state, allocationId);
  if (!ip) throw networkErrors.addressLimit();
  const address = { AllocationId: allocationId, Domain: "vpc" as const, PublicIp: ip, PublicIpv4Pool: "amazon", NetworkBorderGroup: state.region };
  state.addresses.set(allocationId, { address });
  putTags(state, allocationId, tagsFor(input.TagSpecifications, "elastic-ip"));
  return { ...address };
};
