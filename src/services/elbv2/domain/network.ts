// Subnets, security groups, VPCs and instances as ELBv2 sees them. EC2 owns them: `ec2Network` is
// the one place that asks EC2, reading its state for the same account and region.
import type { Backends } from "../../backends.js";
import { commonErrors } from "../../../protocol/errors.js";
import { InvalidConfigurationRequestException, InvalidSecurityGroupException, InvalidSubnetException, SubnetNotFoundException } from "../generated/errors.js";
import { groupByName } from "../../ec2/domain/network.js";
import { ipToNumber, network, parseCidr, size } from "../../ec2/domain/cidr.js";

export interface SubnetView {
  subnetId: string;
  availabilityZone: string;
  vpcId: string;
}

/** What ELBv2 asks EC2; `undefined` means EC2 does not know the id. */
export interface NetworkDirectory {
  subnet(id: string): SubnetView | undefined;
  /** The VPC a security group belongs to, undefined when EC2 has no such group. */
  securityGroupVpc(id: string): string | undefined;
  vpcExists(id: string): boolean;
  /** An EC2 instance's state name (`running`, `stopped`, …), undefined when EC2 has no such instance. */
  instanceState(id: string): string | undefined;
  /** The VPC's `default` group, undefined when it has none. */
  defaultSecurityGroupId(vpcId: string): string | undefined;
  /** The subnet of the VPC whose block holds the address, undefined when none does. */
  subnetHolding(vpcId: string, ip: string): SubnetView | undefined;
}

// EC2 ids: a prefix and 8 hex digits (older resources) or 17.
const SUBNET_ID = /^subnet-[0-9a-f]{8}([0-9a-f]{9})?$/;
const GROUP_ID = /^sg-[0-9a-f]{8}([0-9a-f]{9})?$/;

export function ec2Network(peers: Backends, accountId: string, region: string): NetworkDirectory {
  const ec2 = peers.ec2.states.get(accountId, region);
  const view = (id: string): SubnetView | undefined => {
    const s = ec2.subnets.get(id)?.subnet;
    return s ? { subnetId: id, availabilityZone: s.AvailabilityZone!, vpcId: s.VpcId! } : undefined;
  };
  return {
    subnet: view,
    securityGroupVpc: (id) => ec2.securityGroups.get(id)?.VpcId,
    vpcExists: (id) => ec2.vpcs.has(id),
    instanceState: (id) => ec2.instances.get(id)?.instance.State?.Name,
    defaultSecurityGroupId: (vpcId) => groupByName(ec2, vpcId, "default")?.GroupId,
    subnetHolding(vpcId, ip) {
      const n = ipToNumber(ip);
      if (n === undefined) return undefined;
      for (const [id, rec] of ec2.subnets) {
        if (rec.subnet.VpcId !== vpcId) continue;
        const c = parseCidr(rec.subnet.CidrBlock!);
        if (c && n >= network(c) && n < network(c) + size(c)) return view(id);
      }
      return undefined;
    },
  };
}

/** The subnets of a new load balancer, checked as AWS checks them. */
export function resolveSubnets(net: NetworkDirectory, ids: string[], type: string): SubnetView[] {
  const out: SubnetView[] = [];
  for (const id of ids) {
    if (!SUBNET_ID.test(id)) throw new InvalidSubnetException(`The subnet ID '${id}' is not valid`);
    const s = net.subnet(id);
    if (!s) throw new SubnetNotFoundException(`The subnet ID '${id}' does not exist`);
    out.push(s);
  }
  if (new Set(out.map((s) => s.vpcId)).size > 1) throw new InvalidConfigurationRequestException("Subnets must all be in the same VPC");
  const zones = new Set(out.map((s) => s.availabilityZone));
  if (zones.size < out.length) throw new InvalidConfigurationRequestException("A load balancer cannot be attached to multiple subnets in the same Availability Zone");
  if (type === "application" && zones.size < 2) throw commonErrors.validation("At least two subnets in two different Availability Zones must be specified");
  return out;
}

/** Groups EC2 knows, in the load balancer's VPC. */
export function checkSecurityGroups(net: NetworkDirectory, ids: string[], vpcId: string): void {
  for (const id of ids) {
    if (!GROUP_ID.test(id) || net.securityGroupVpc(id) !== vpcId) throw new InvalidSecurityGroupException(`One or more security groups are invalid`);
  }
}
