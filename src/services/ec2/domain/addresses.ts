// Elastic IPs: allocated from the public pool, associated with one network interface at a time (an
// instance's primary one, or a NAT gateway's), whose public address they become.
import type { Ec2State } from "../context.js";
import type { Address } from "../generated/types.js";
import type { AddressRecord } from "../networkState.js";
import { ec2Id } from "./ids.js";
import { networkErrors } from "./networkErrors.js";
import { lendPublicIp, returnLentIp, setInterfacePublicIp } from "./publicAddresses.js";
import { tagsOf } from "./tags.js";

export function findAddress(state: Ec2State, allocationId: string): AddressRecord {
  const rec = state.addresses.get(allocationId);
  if (!rec) throw networkErrors.allocationNotFound(allocationId);
  return rec;
}

export function addressByAssociation(state: Ec2State, associationId: string): AddressRecord {
  for (const rec of state.addresses.values()) if (rec.address.AssociationId === associationId) return rec;
  throw networkErrors.associationNotFound(associationId);
}

export function addressView(state: Ec2State, rec: AddressRecord): Address {
  const tags = tagsOf(state, rec.address.AllocationId!);
  return { ...structuredClone(rec.address), ...(tags ? { Tags: tags } : {}) };
}

/** The Elastic IP associated with an interface, if any. */
export function addressOnInterface(state: Ec2State, eniId: string): AddressRecord | undefined {
  for (const rec of state.addresses.values()) if (rec.address.NetworkInterfaceId === eniId) return rec;
  return undefined;
}

/** Associates an address with an interface: a lent address goes back, an Elastic IP already there is disassociated. */
export function associate(state: Ec2State, rec: AddressRecord, eniId: string, natGatewayId?: string): string {
  const eni = state.networkInterfaces.get(eniId)!;
  if (rec.address.NetworkInterfaceId === eniId) return rec.address.AssociationId!;
  if (rec.address.NetworkInterfaceId !== undefined) disassociate(state, rec);
  const previous = addressOnInterface(state, eniId);
  if (previous) disassociate(state, previous, false);
  returnLentIp(state, eniId);
  const associationId = ec2Id(state.ids, "eipassoc");
  Object.assign(rec.address, {
    AssociationId: associationId,
    NetworkInterfaceId: eniId,
    NetworkInterfaceOwnerId: state.accountId,
    PrivateIpAddress: eni.PrivateIpAddress,
    ...(eni.Attachment?.InstanceId ? { InstanceId: eni.Attachment.InstanceId } : {}),
  });
  if (natGatewayId) rec.natGatewayId = natGatewayId;
  setInterfacePublicIp(state, eniId, { publicIp: rec.address.PublicIp!, allocationId: rec.address.AllocationId, associationId });
  return associationId;
}

/** Ends an association; the interface gets a lent address again when it maps one and `relend` allows. */
export function disassociate(state: Ec2State, rec: AddressRecord, relend = true): void {
  const eniId = rec.address.NetworkInterfaceId;
  for (const k of ["AssociationId", "NetworkInterfaceId", "NetworkInterfaceOwnerId", "PrivateIpAddress", "InstanceId"] as const) delete rec.address[k];
  delete rec.natGatewayId;
  if (!eniId) return;
  setInterfacePublicIp(state, eniId, undefined);
  const host = state.networkInterfaces.get(eniId)?.Attachment?.InstanceId;
  if (relend && host && state.instances.get(host)?.instance.State?.Name === "running") lendPublicIp(state, eniId);
}

/** An interface going away takes its lent address and its Elastic IP association with it. */
export function releaseInterfaceAddresses(state: Ec2State, eniId: string): void {
  const eip = addressOnInterface(state, eniId);
  if (eip) disassociate(state, eip, false);
  returnLentIp(state, eniId);
  state.autoPublicIp.delete(eniId);
}
