// VPCs, subnets and security groups: the default ones every account and region has, finding them,
// and private addresses handed out from a subnet.
import type { Ec2State, SubnetRecord, VpcRecord } from "../context.js";
import type { SecurityGroup, Subnet } from "../generated/types.js";
import { formatCidr, numberToIp, parseCidr, network, size, RESERVED_PER_SUBNET, type Cidr } from "./cidr.js";
import { ec2Errors } from "./errors.js";
import { stableId } from "./ids.js";
import { zoneId, zoneNames } from "./zones.js";
import { flat } from "../../../state/ids.js";

export const DEFAULT_VPC_CIDR = "172.31.0.0/16";

/** The id of the default subnet in a zone: the same in every run for an account and region. */
export function defaultSubnetId(accountId: string, region: string, zone: string): string {
  return stableId("subnet", accountId, region, "default-subnet", zone);
}

export function defaultVpcId(accountId: string, region: string): string {
  return stableId("vpc", accountId, region, "default-vpc");
}

export function defaultSecurityGroupId(accountId: string, region: string, vpcId: string): string {
  return stableId("sg", accountId, region, "default-sg", vpcId);
}

export function newVpcRecord(state: Ec2State, vpcId: string, cidr: string, isDefault: boolean): VpcRecord {
  return {
    vpc: {
      OwnerId: state.accountId,
      InstanceTenancy: "default",
      CidrBlockAssociationSet: [{ AssociationId: stableId("vpc-cidr-assoc", vpcId), CidrBlock: cidr, CidrBlockState: { State: "associated" } }],
      IsDefault: isDefault,
      VpcId: vpcId,
      State: "available",
      CidrBlock: cidr,
      DhcpOptionsId: stableId("dopt", state.accountId, state.region),
    },
    enableDnsSupport: true,
    enableDnsHostnames: isDefault,
    enableNetworkAddressUsageMetrics: false,
  };
}

/** The security group named "default" that every VPC gets (its rules, members in and all out, are in domain/sgRules.ts). */
export function defaultGroupFor(state: Ec2State, vpcId: string, groupId: string): SecurityGroup {
  return {
    GroupId: groupId,
    GroupName: "default",
    Description: "default VPC security group",
    VpcId: vpcId,
    OwnerId: state.accountId,
    SecurityGroupArn: `arn:aws:ec2:${state.region}:${state.accountId}:security-group/${groupId}`,
  };
}

export function newSubnetRecord(state: Ec2State, subnetId: string, vpcId: string, cidr: Cidr, zone: string, isDefault: boolean): SubnetRecord {
  const subnet: Subnet = {
    AvailabilityZoneId: zoneId(zone),
    MapCustomerOwnedIpOnLaunch: false,
    OwnerId: state.accountId,
    AssignIpv6AddressOnCreation: false,
    Ipv6CidrBlockAssociationSet: [],
    SubnetArn: `arn:aws:ec2:${state.region}:${state.accountId}:subnet/${subnetId}`,
    EnableDns64: false,
    Ipv6Native: false,
    PrivateDnsNameOptionsOnLaunch: { HostnameType: "ip-name", EnableResourceNameDnsARecord: false, EnableResourceNameDnsAAAARecord: false },
    SubnetId: subnetId,
    State: "available",
    VpcId: vpcId,
    CidrBlock: formatCidr(cidr),
    AvailableIpAddressCount: size(cidr) - RESERVED_PER_SUBNET,
    AvailabilityZone: zone,
    DefaultForAz: isDefault,
    MapPublicIpOnLaunch: isDefault,
  };
  return { subnet, used: new Set(), next: network(cidr) + 4 };
}

/** The default VPC (172.31.0.0/16), a default /20 subnet in each zone and the VPC's default security group. */
export function seedDefaults(state: Ec2State): void {
  const { accountId, region } = state;
  const vpcId = defaultVpcId(accountId, region);
  state.vpcs.set(vpcId, newVpcRecord(state, vpcId, DEFAULT_VPC_CIDR, true));
  const sgId = defaultSecurityGroupId(accountId, region, vpcId);
  state.securityGroups.set(sgId, defaultGroupFor(state, vpcId, sgId));
  zoneNames(region).forEach((zone, i) => {
    const id = defaultSubnetId(accountId, region, zone);
    state.subnets.set(id, newSubnetRecord(state, id, vpcId, parseCidr(`172.31.${i * 16}.0/20`)!, zone, true));
  });
}

export function defaultVpc(state: Ec2State): VpcRecord | undefined {
  for (const v of state.vpcs.values()) if (v.vpc.IsDefault) return v;
  return undefined;
}

export function findVpc(state: Ec2State, id: string): VpcRecord {
  const v = state.vpcs.get(id);
  if (!v) throw ec2Errors.vpcNotFound(id);
  return v;
}

export function findSubnet(state: Ec2State, id: string): SubnetRecord {
  const s = state.subnets.get(id);
  if (!s) throw ec2Errors.subnetNotFound(id);
  return s;
}

export function findGroup(state: Ec2State, id: string): SecurityGroup {
  const g = state.securityGroups.get(id);
  if (!g) throw ec2Errors.groupNotFound(id);
  return g;
}

export function groupByName(state: Ec2State, vpcId: string, name: string): SecurityGroup | undefined {
  for (const g of state.securityGroups.values()) if (g.VpcId === vpcId && g.GroupName === name) return g;
  return undefined;
}

/** The next free private address of a subnet, taken; undefined when the subnet is full. */
export function takeAddress(rec: SubnetRecord): string | undefined {
  // The count is the span less what is in use (kept by this function and releaseAddress): a full
  // subnet (tasks' interfaces fill a default /20 at 4,091) answers at once instead of walking it.
  if (rec.subnet.AvailableIpAddressCount === 0) return undefined;
  const cidr = parseCidr(rec.subnet.CidrBlock!)!;
  const first = network(cidr) + 4;
  const last = network(cidr) + size(cidr) - 2;
  const span = last - first + 1;
  for (let i = 0; i < span; i++) {
    const n = first + ((rec.next - first + i) % span);
    if (rec.used.has(n)) continue;
    rec.used.add(n);
    rec.next = n + 1 > last ? first : n + 1;
    rec.subnet.AvailableIpAddressCount = (rec.subnet.AvailableIpAddressCount ?? 0) - 1;
    return numberToIp(n);
  }
  return undefined;
}

export function releaseAddress(rec: SubnetRecord | undefined, ip: string | undefined): void {
  if (!rec || !ip) return;
  const n = parseCidr(`${ip}/32`)?.base;
  if (n !== undefined && rec.used.delete(n)) rec.subnet.AvailableIpAddressCount = (rec.subnet.AvailableIpAddressCount ?? 0) + 1;
}

/** `ip-172-31-3-4.ec2.internal` in us-east-1, `ip-….<region>.compute.internal` elsewhere. */
export function privateDnsName(region: string, ip: string): string {
  return flat(`ip-${ip.replace(/\./g, "-")}.${region === "us-east-1" ? "ec2.internal" : `${region}.compute.internal`}`);
}
