// Subnets, security groups and instances as ELBv2 sees them. EC2 owns them: `ec2Network` is the one
// place that asks EC2. Until EC2 keeps them, any well-formed id is taken as given (an instance as
// running), a subnet's zone assigned in the order the subnets were named, its VPC the region's default.
import { createHash } from "node:crypto";
import type { Backends } from "../../backends.js";
import { AwsError } from "../../../protocol/errors.js";
import { InvalidSecurityGroupException, SubnetNotFoundException } from "../generated/errors.js";

export interface SubnetView {
  subnetId: string;
  availabilityZone: string;
  vpcId: string;
}

/** What ELBv2 asks EC2; `undefined` means EC2 does not know the id. */
export interface NetworkDirectory {
  subnet(id: string, index: number): SubnetView | undefined;
  securityGroupExists(id: string): boolean;
  /** An EC2 instance's state name (`running`, `stopped`, …), undefined when EC2 has no such instance. */
  instanceState(id: string): string | undefined;
  defaultVpcId(): string;
  defaultSecurityGroupId(vpcId: string): string;
}

const SUBNET_ID = /^subnet-[0-9a-f]{8}([0-9a-f]{9})?$/;
const GROUP_ID = /^sg-[0-9a-f]{8}([0-9a-f]{9})?$/;

function stableHex(text: string, length: number): string {
  return createHash("sha256").update(text).digest("hex").slice(0, length);
}

/**
 * The seam with EC2. When EC2's state holds VPCs, subnets and groups, this function reads
 * `peers.ec2.states.get(accountId, region)` instead of assuming: nothing else in ELBv2 changes.
 */
export function ec2Network(_peers: Backends, accountId: string, region: string): NetworkDirectory {
  const vpcId = `vpc-${stableHex(`${accountId}/${region}/default-vpc`, 17)}`;
  return {
    subnet: (id, index) => ({ subnetId: id, availabilityZone: `${region}${"abcdef"[index % 6]}`, vpcId }),
    securityGroupExists: () => true,
    instanceState: () => "running",
    defaultVpcId: () => vpcId,
    defaultSecurityGroupId: (vpc) => `sg-${stableHex(`${accountId}/${region}/${vpc}/default`, 17)}`,
  };
}

/** The subnets of a new load balancer, checked as AWS checks them. */
export function resolveSubnets(net: NetworkDirectory, ids: string[], type: string): SubnetView[] {
  const out: SubnetView[] = [];
  ids.forEach((id, i) => {
    if (!SUBNET_ID.test(id)) throw new AwsError("InvalidSubnet", `The subnet ID '${id}' is not valid`, 400);
    const s = net.subnet(id, i);
    if (!s) throw new SubnetNotFoundException(`The subnet ID '${id}' does not exist`);
    out.push(s);
  });
  if (new Set(out.map((s) => s.vpcId)).size > 1) throw new AwsError("InvalidConfigurationRequest", "Subnets must all be in the same VPC", 400);
  const zones = new Set(out.map((s) => s.availabilityZone));
  if (zones.size < out.length) throw new AwsError("InvalidConfigurationRequest", "A load balancer cannot be attached to multiple subnets in the same Availability Zone", 400);
  if (type === "application" && zones.size < 2) throw new AwsError("ValidationError", "At least two subnets in two different Availability Zones must be specified", 400);
  return out;
}

export function checkSecurityGroups(net: NetworkDirectory, ids: string[]): void {
  for (const id of ids) {
    if (!GROUP_ID.test(id) || !net.securityGroupExists(id)) throw new InvalidSecurityGroupException(`One or more security groups are invalid`);
  }
}
