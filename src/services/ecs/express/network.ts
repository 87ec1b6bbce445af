// Where an Express service runs: the subnets it names (or the default VPC's default subnets), their
// one VPC, and whether its endpoint is public (subnets that give public addresses) or private.
import { AwsError } from "../../../protocol/errors.js";
import type { EcsContext } from "../context.js";
import { InvalidParameterException } from "../generated/errors.js";
import type { AccessType, ExpressGatewayServiceNetworkConfiguration } from "../generated/types.js";
import { call } from "./peers.js";

export interface Placement {
  subnets: string[];
  securityGroups?: string[];
  vpcId: string;
  vpcCidr: string;
  accessType: AccessType;
}

interface SubnetView {
  SubnetId: string;
  VpcId: string;
  AvailabilityZone: string;
  MapPublicIpOnLaunch?: boolean;
}

function subnets(ctx: EcsContext, ids: string[] | undefined): SubnetView[] {
  try {
    if (ids?.length) return call(ctx, "ec2", "DescribeSubnets", { SubnetIds: ids }).Subnets;
    return call(ctx, "ec2", "DescribeSubnets", { Filters: [{ Name: "default-for-az", Values: ["true"] }] }).Subnets;
  } catch (e) {
    if (e instanceof AwsError) throw new InvalidParameterException(`Error retrieving subnet information for [${(ids ?? []).join(", ")}]: ${e.message} (ErrorCode: ${e.code})`);
    throw e;
  }
}

/** Checks the network and answers where the service goes; nothing is created yet. */
export function placement(ctx: EcsContext, net: ExpressGatewayServiceNetworkConfiguration | undefined): Placement {
  const found = subnets(ctx, net?.subnets);
  if (!found.length) throw new InvalidParameterException("No default subnets were found. Specify subnets in the network configuration.");
  const vpcs = new Set(found.map((s) => s.VpcId));
  if (vpcs.size > 1) throw new InvalidParameterException("The specified subnets must all be in the same VPC.");
  // The shared load balancer needs two zones (ELBv2's rule, checked here before anything is made).
  if (new Set(found.map((s) => s.AvailabilityZone)).size < 2) throw new InvalidParameterException("At least two subnets in two different Availability Zones must be specified");
  const [vpcId] = vpcs;
  for (const id of net?.securityGroups ?? []) {
    let vpc: string | undefined;
    try {
      vpc = call(ctx, "ec2", "DescribeSecurityGroups", { GroupIds: [id] }).SecurityGroups[0].VpcId;
    } catch (e) {
      if (e instanceof AwsError) throw new InvalidParameterException(`Error retrieving security group information for [${id}]: ${e.message} (ErrorCode: ${e.code})`);
      throw e;
    }
    if (vpc !== vpcId) throw new InvalidParameterException(`The security group ${id} is not in the VPC of the specified subnets (${vpcId}).`);
  }
  const vpcCidr = call(ctx, "ec2", "DescribeVpcs", { VpcIds: [vpcId] }).Vpcs[0].CidrBlock as string;
  // Chosen: subnets that give instances public addresses make a public endpoint (the default VPC's do).
  const accessType: AccessType = found.every((s) => s.MapPublicIpOnLaunch) ? "PUBLIC" : "PRIVATE";
  return { subnets: found.map((s) => s.SubnetId), ...(net?.securityGroups?.length ? { securityGroups: [...net.securityGroups] } : {}), vpcId, vpcCidr, accessType };
}
