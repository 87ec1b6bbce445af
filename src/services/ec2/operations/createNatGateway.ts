import { AwsError } from "../../../protocol/errors.js";
import type { Handler } from "../context.js";
import type { NatGateway } from "../generated/types.js";
import { findAddress } from "../domain/addresses.js";
import { ec2Errors } from "../domain/errors.js";
import { ec2Id } from "../domain/ids.js";
import { createInterface } from "../domain/interfaces.js";
import { primaryAddress, startNatGateway } from "../domain/natGateways.js";
import { findSubnet } from "../domain/network.js";
import { networkErrors } from "../domain/networkErrors.js";
import { checkTagSpecifications, putTags, tagsFor } from "../domain/tags.js";

const unsupported = (what: string) => new AwsError("UnsupportedOperation", `ecs-local does not support ${what} of NAT gateways yet.`);

/** A zonal NAT gateway with an interface in its subnet; `pending` until the clock provisions it. */
export const createNatGateway: Handler<"CreateNatGateway"> = (input, ctx) => {
  const { state, backend } = ctx;
  if (input.AvailabilityMode === "regional") throw unsupported("the regional availability mode");
  if (input.SecondaryAllocationIds?.length || input.SecondaryPrivateIpAddresses?.length || input.SecondaryPrivateIpAddressCount) throw unsupported("secondary addresses");
  if (input.PrivateIpAddress !== undefined) throw unsupported("a chosen private address");
  if (input.SubnetId === undefined) throw networkErrors.missing("SubnetId");
  const subnet = findSubnet(state, input.SubnetId).subnet;
  const connectivity = input.ConnectivityType ?? "public";
  if (connectivity === "public" && input.AllocationId === undefined) throw networkErrors.missing("AllocationId");
  if (connectivity === "private" && input.AllocationId !== undefined) throw ec2Errors.combination("A private NAT gateway cannot have an Elastic IP address");
  if (input.AllocationId !== undefined) findAddress(state, input.AllocationId);
  checkTagSpecifications(input.TagSpecifications, ["natgateway"]);
  const id = ec2Id(state.ids, "nat");
  const eni = createInterface(state, { subnetId: subnet.SubnetId!, groupIds: [], description: `Interface for NAT Gateway ${id}`, requesterManaged: true, now: ctx.now(), interfaceType: "natGateway" });
  const nat: NatGateway = {
    CreateTime: ctx.now(),
    NatGatewayAddresses: [primaryAddress(input.AllocationId, eni.NetworkInterfaceId!, eni.PrivateIpAddress, connectivity === "public" ? "associating" : "assigning")],
    NatGatewayId: id,
    State: "pending",
    SubnetId: subnet.SubnetId,
    VpcId: subnet.VpcId,
    ConnectivityType: connectivity,
    AvailabilityMode: "zonal",
  };
  const rec = { nat };
  state.natGateways.set(id, rec);
  putTags(state, id, tagsFor(input.TagSpecifications, "natgateway"));
  startNatGateway(backend, state, rec);
  const tags = tagsFor(input.TagSpecifications, "natgateway");
  // The answer names only what was asked for; the interface and address show once provisioned.
  const answer: NatGateway = { ...structuredClone(nat), NatGatewayAddresses: [input.AllocationId ? { AllocationId: input.AllocationId } : {}], ...(tags.length ? { Tags: tags } : {}) };
  return { NatGateway: answer, ...(input.ClientToken !== undefined ? { ClientToken: input.ClientToken } : {}) };
};
