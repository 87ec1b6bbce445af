// NAT gateways and their states, moved by the clock (`natGatewayProvisioningMs`): pending → available
// (or failed, as EC2 fails one whose VPC has no internet gateway or whose Elastic IP is taken), and
// deleting → deleted; a deleted one stays describable for an hour, as EC2 keeps them.
import { defineTimer } from "../../../engine/timers.js";
import type { Ec2Backend, Ec2State } from "../context.js";
import type { NatGateway, NatGatewayAddress } from "../generated/types.js";
import type { NatGatewayRecord } from "../networkState.js";
import { associate, disassociate } from "./addresses.js";
import { gatewayOfVpc } from "./internetGateways.js";
import { deleteInterface } from "./interfaces.js";
import { networkErrors } from "./networkErrors.js";
import { tagsOf } from "./tags.js";

const KEPT_AFTER_DELETION_MS = 3_600_000;

export function findNatGateway(state: Ec2State, id: string): NatGatewayRecord {
  const rec = state.natGateways.get(id);
  if (!rec) throw networkErrors.natGatewayNotFound(id);
  return rec;
}

export function natGatewayView(state: Ec2State, rec: NatGatewayRecord): NatGateway {
  const tags = tagsOf(state, rec.nat.NatGatewayId!);
  return { ...structuredClone(rec.nat), ...(tags ? { Tags: tags } : {}) };
}

function schedule(backend: Ec2Backend, state: Ec2State, rec: NatGatewayRecord, ms: number, step: string): void {
  backend.timeline.cancel(rec.timer);
  rec.timer = backend.timeline.callAfter(ms, step, backend, state, rec);
}

function fail(backend: Ec2Backend, state: Ec2State, rec: NatGatewayRecord, now: number, code: string, message: string): void {
  const nat = rec.nat;
  Object.assign(nat, { State: "failed", FailureCode: code, FailureMessage: message, DeleteTime: now });
  for (const a of nat.NatGatewayAddresses ?? []) Object.assign(a, { Status: "failed", FailureMessage: message });
  const eniId = nat.NatGatewayAddresses?.[0]?.NetworkInterfaceId;
  if (eniId) deleteInterface(state, eniId);
  forgetLater(backend, state, rec);
}

/** The clock's step out of `pending`: the Elastic IP is mapped onto the gateway's interface. */
function provision(backend: Ec2Backend, state: Ec2State, rec: NatGatewayRecord): void {
  const nat = rec.nat;
  if (nat.State !== "pending") return;
  const now = backend.timeline.now() / 1000;
  const primary = nat.NatGatewayAddresses![0];
  if (nat.ConnectivityType === "public") {
    const eip = state.addresses.get(primary.AllocationId ?? "");
    if (!gatewayOfVpc(state, nat.VpcId!)) return fail(backend, state, rec, now, "Gateway.NotAttached", `Network ${nat.VpcId} has no Internet gateway attached`);
    if (!eip || eip.address.AssociationId !== undefined) {
      return fail(backend, state, rec, now, "Resource.AlreadyAssociated", `Elastic IP address [${primary.AllocationId}] is already associated`);
    }
    const associationId = associate(state, eip, primary.NetworkInterfaceId!, nat.NatGatewayId);
    Object.assign(primary, { PublicIp: eip.address.PublicIp, AssociationId: associationId });
  }
  primary.Status = "succeeded";
  nat.State = "available";
}

export function startNatGateway(backend: Ec2Backend, state: Ec2State, rec: NatGatewayRecord): void {
  schedule(backend, state, rec, backend.config.timings.natGatewayProvisioningMs, PROVISION);
}

/** DeleteNatGateway: `deleting` now; the clock releases the interface and the Elastic IP's association. */
export function deleteNatGateway(backend: Ec2Backend, state: Ec2State, rec: NatGatewayRecord): void {
  const nat = rec.nat;
  nat.State = "deleting";
  nat.DeleteTime = backend.timeline.now() / 1000;
  schedule(backend, state, rec, backend.config.timings.natGatewayProvisioningMs, DELETED);
}

const PROVISION = defineTimer("ec2.natGatewayProvisioned", provision);

const DELETED = defineTimer("ec2.natGatewayDeleted", (backend: Ec2Backend, state: Ec2State, rec: NatGatewayRecord) => {
  const nat = rec.nat;
  for (const a of nat.NatGatewayAddresses ?? []) {
    const eip = a.AllocationId ? state.addresses.get(a.AllocationId) : undefined;
    if (eip && eip.natGatewayId === nat.NatGatewayId) disassociate(state, eip, false);
    if (a.NetworkInterfaceId) deleteInterface(state, a.NetworkInterfaceId);
    delete a.AssociationId;
    a.Status = "succeeded";
  }
  nat.State = "deleted";
  forgetLater(backend, state, rec);
});

/** A deleted or failed gateway is forgotten an hour later. */
function forgetLater(backend: Ec2Backend, state: Ec2State, rec: NatGatewayRecord): void {
  schedule(backend, state, rec, KEPT_AFTER_DELETION_MS, FORGET);
}

const FORGET = defineTimer("ec2.natGatewayForgotten", (_backend: Ec2Backend, state: Ec2State, rec: NatGatewayRecord) => {
  state.natGateways.delete(rec.nat.NatGatewayId!);
  state.tags.delete(rec.nat.NatGatewayId!);
});

export function primaryAddress(allocationId: string | undefined, eniId: string, privateIp: string | undefined, status: NatGatewayAddress["Status"]): NatGatewayAddress {
  return { ...(allocationId ? { AllocationId: allocationId } : {}), NetworkInterfaceId: eniId, PrivateIp: privateIp, IsPrimary: true, Status: status };
}
