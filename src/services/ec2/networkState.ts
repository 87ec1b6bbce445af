// EC2's routing and addressing resources of one account and region: internet gateways, route
// tables, Elastic IPs, NAT gateways, network ACLs and security group rules. Part of Ec2State.
import type { Timer } from "../../engine/timeline.js";
import type { Address, NatGateway, NetworkAclEntry, Route, RouteTableAssociation, SecurityGroupRule } from "./generated/types.js";

export interface InternetGatewayRecord {
  id: string;
  /** The VPC it is attached to; an internet gateway serves one VPC at a time. */
  vpcId?: string;
}

export interface RouteTableRecord {
  id: string;
  vpcId: string;
  /** Routes as given; `State` is worked out when they are described (a target that went away is a blackhole). */
  routes: Route[];
  /** The main association (no subnet) and one per associated subnet, in the order they were made. */
  associations: RouteTableAssociation[];
}

export interface AddressRecord {
  /** As DescribeAddresses answers it, tags apart. */
  address: Address;
  /** The NAT gateway using it: EC2 manages that association, a user cannot move it. */
  natGatewayId?: string;
}

export interface NatGatewayRecord {
  /** As DescribeNatGateways answers it, tags apart. */
  nat: NatGateway;
  /** The clock's next step for it (available, deleted, forgotten). */
  timer?: Timer;
}

export interface NetworkAclRecord {
  id: string;
  vpcId: string;
  isDefault: boolean;
  entries: NetworkAclEntry[];
}

/** A public IPv4 address on a network interface: an Elastic IP's, or one EC2 lends while the instance runs. */
export interface PublicAddress {
  publicIp: string;
  /** Set for an Elastic IP. */
  allocationId?: string;
  associationId?: string;
}

export interface NetworkState {
  internetGateways: Map<string, InternetGatewayRecord>;
  routeTables: Map<string, RouteTableRecord>;
  /** Elastic IPs by allocation id, in allocation order. */
  addresses: Map<string, AddressRecord>;
  /** Every public address in use in the account and region, and what holds it (allocation or interface id). */
  publicIps: Map<string, string>;
  /** The public address of each network interface that has one. */
  interfacePublicIps: Map<string, PublicAddress>;
  /** Interfaces that get a public address whenever their instance runs (launched into a subnet that maps them). */
  autoPublicIp: Set<string>;
  natGateways: Map<string, NatGatewayRecord>;
  networkAcls: Map<string, NetworkAclRecord>;
  /** Every rule of every security group, by rule id, in the order they were added. */
  securityGroupRules: Map<string, SecurityGroupRule>;
}

export function emptyNetworkState(): NetworkState {
  return {
    internetGateways: new Map(),
    routeTables: new Map(),
    addresses: new Map(),
    publicIps: new Map(),
    interfacePublicIps: new Map(),
    autoPublicIp: new Set(),
    natGateways: new Map(),
    networkAcls: new Map(),
    securityGroupRules: new Map(),
  };
}
