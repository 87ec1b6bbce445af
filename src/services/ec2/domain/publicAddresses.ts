// The public address of a network interface, and of the instance whose primary interface it is: an
// Elastic IP's, or one EC2 lends while the instance runs in a subnet that maps public addresses
// (released when it stops or an Elastic IP takes its place).
import type { Ec2State, InstanceRecord } from "../context.js";
import type { PublicAddress } from "../networkState.js";
import { publicDnsName, releasePublicIp, takePublicIp } from "./publicIps.js";

/** Sets (or, with undefined, removes) an interface's public address wherever it shows. */
export function setInterfacePublicIp(state: Ec2State, eniId: string, addr: PublicAddress | undefined): void {
  const eni = state.networkInterfaces.get(eniId);
  if (!eni) return;
  if (addr) state.interfacePublicIps.set(eniId, addr);
  else state.interfacePublicIps.delete(eniId);
  const dnsHostnames = state.vpcs.get(eni.VpcId ?? "")?.enableDnsHostnames ?? false;
  const dns = addr && dnsHostnames ? publicDnsName(state.region, addr.publicIp) : "";
  const owner = addr?.allocationId ? state.accountId : "amazon";
  const assoc = addr && { IpOwnerId: owner, PublicDnsName: dns, PublicIp: addr.publicIp };
  if (assoc) eni.Association = { ...(addr.allocationId ? { AllocationId: addr.allocationId, AssociationId: addr.associationId } : {}), ...assoc };
  else delete eni.Association;
  const primary = eni.PrivateIpAddresses?.[0];
  if (primary) {
    if (assoc) primary.Association = { ...(addr.allocationId ? { AllocationId: addr.allocationId, AssociationId: addr.associationId } : {}), ...assoc };
    else delete primary.Association;
  }
  const rec = eni.Attachment?.InstanceId ? state.instances.get(eni.Attachment.InstanceId) : undefined;
  const nic = rec?.instance.NetworkInterfaces?.find((n) => n.NetworkInterfaceId === eniId);
  if (!rec || !nic) return;
  if (assoc) nic.Association = { ...assoc };
  else delete nic.Association;
  const nicPrimary = nic.PrivateIpAddresses?.[0];
  if (nicPrimary) {
    if (assoc) nicPrimary.Association = { ...assoc };
    else delete nicPrimary.Association;
  }
  if (nic.Attachment?.DeviceIndex === 0) {
    if (addr) rec.instance.PublicIpAddress = addr.publicIp;
    else delete rec.instance.PublicIpAddress;
    rec.instance.PublicDnsName = dns;
  }
}

/** Lends an interface a public address if it maps one and has none; nothing when the pool is spent. */
export function lendPublicIp(state: Ec2State, eniId: string): void {
  if (!state.autoPublicIp.has(eniId) || state.interfacePublicIps.has(eniId)) return;
  const ip = takePublicIp(state, eniId);
  if (ip) setInterfacePublicIp(state, eniId, { publicIp: ip });
}

/** Takes back a lent address (an Elastic IP stays). */
export function returnLentIp(state: Ec2State, eniId: string): void {
  const addr = state.interfacePublicIps.get(eniId);
  if (!addr || addr.allocationId) return;
  releasePublicIp(state, addr.publicIp);
  setInterfacePublicIp(state, eniId, undefined);
}

/** An instance's primary interface maps a public address when asked to, else when its subnet does. */
export function mapPublicIpAtLaunch(state: Ec2State, rec: InstanceRecord, asked: boolean | undefined): void {
  const eniId = rec.instance.NetworkInterfaces?.find((n) => n.Attachment?.DeviceIndex === 0)?.NetworkInterfaceId;
  const subnet = state.subnets.get(rec.instance.SubnetId ?? "");
  if (!eniId || !(asked ?? subnet?.subnet.MapPublicIpOnLaunch ?? false)) return;
  state.autoPublicIp.add(eniId);
  lendPublicIp(state, eniId);
}

/** Instance listener: a stopped instance gives its lent address back, a started one gets a new one. */
export function followInstanceState(state: Ec2State, rec: InstanceRecord): void {
  const name = rec.instance.State?.Name;
  for (const nic of rec.instance.NetworkInterfaces ?? []) {
    if (name === "stopped") returnLentIp(state, nic.NetworkInterfaceId!);
    else if (name === "pending") lendPublicIp(state, nic.NetworkInterfaceId!);
  }
}

/** Public DNS names follow the VPC's `enableDnsHostnames`. */
export function refreshPublicDnsNames(state: Ec2State, vpcId: string): void {
  for (const [eniId, addr] of state.interfacePublicIps) if (state.networkInterfaces.get(eniId)?.VpcId === vpcId) setInterfacePublicIp(state, eniId, addr);
}
