// What CreateRoute and ReplaceRoute are asked for: one destination (an IPv4 block in canonical form,
// an IPv6 block or a prefix list) and exactly one target, which must exist in the table's VPC.
import { isIPv6 } from "node:net";
import { AwsError } from "../../../protocol/errors.js";
import type { Ec2State } from "../context.js";
import type { Route } from "../generated/types.js";
import type { RouteTableRecord } from "../networkState.js";
import { formatCidr, parseCidr } from "./cidr.js";
import { ec2Errors } from "./errors.js";
import { findInstances } from "./instanceIds.js";
import { networkErrors } from "./networkErrors.js";

export interface RouteRequest {
  DestinationCidrBlock?: string;
  DestinationIpv6CidrBlock?: string;
  DestinationPrefixListId?: string;
  GatewayId?: string;
  NatGatewayId?: string;
  NetworkInterfaceId?: string;
  InstanceId?: string;
  VpcPeeringConnectionId?: string;
  TransitGatewayId?: string;
  EgressOnlyInternetGatewayId?: string;
  LocalGatewayId?: string;
  CarrierGatewayId?: string;
  VpcEndpointId?: string;
  CoreNetworkArn?: string;
  OdbNetworkArn?: string;
}

export type Destination = Pick<Route, "DestinationCidrBlock" | "DestinationIpv6CidrBlock" | "DestinationPrefixListId">;

export function destinationOfRequest(req: RouteRequest): Destination {
  if (req.DestinationCidrBlock !== undefined) {
    const cidr = parseCidr(req.DestinationCidrBlock);
    if (!cidr) throw ec2Errors.invalidParameter(`Value (${req.DestinationCidrBlock}) for parameter destinationCidrBlock is invalid. This is not a valid CIDR block.`);
    return { DestinationCidrBlock: formatCidr(cidr) };
  }
  if (req.DestinationIpv6CidrBlock !== undefined) {
    const [ip, bits] = req.DestinationIpv6CidrBlock.split("/");
    if (!isIPv6(ip) || !/^\d{1,3}$/.test(bits ?? "") || Number(bits) > 128) {
      throw ec2Errors.invalidParameter(`Value (${req.DestinationIpv6CidrBlock}) for parameter destinationIpv6CidrBlock is invalid. This is not a valid IPv6 CIDR block.`);
    }
    return { DestinationIpv6CidrBlock: req.DestinationIpv6CidrBlock.toLowerCase() };
  }
  if (req.DestinationPrefixListId !== undefined) return { DestinationPrefixListId: req.DestinationPrefixListId };
  throw networkErrors.missing("destinationCidrBlock or destinationIpv6CidrBlock");
}

/** Targets ecs-local has no resources of: any id given for them names nothing that exists. */
const ABSENT: Record<string, (id: string) => AwsError> = {
  VpcPeeringConnectionId: (id) => new AwsError("InvalidVpcPeeringConnectionID.NotFound", `The vpcPeeringConnection ID '${id}' does not exist`),
  TransitGatewayId: (id) => new AwsError("InvalidTransitGatewayID.NotFound", `The transitGateway ID '${id}' does not exist`),
  EgressOnlyInternetGatewayId: (id) => networkErrors.gatewayNotFound(id),
  LocalGatewayId: (id) => new AwsError("InvalidLocalGatewayID.NotFound", `The localGateway ID '${id}' does not exist`),
  CarrierGatewayId: (id) => new AwsError("InvalidCarrierGatewayID.NotFound", `The carrierGateway ID '${id}' does not exist`),
  VpcEndpointId: (id) => new AwsError("InvalidVpcEndpointId.NotFound", `The vpcEndpoint ID '${id}' does not exist`),
  CoreNetworkArn: (id) => ec2Errors.invalidParameter(`The core network ${id} does not exist`),
  OdbNetworkArn: (id) => ec2Errors.invalidParameter(`The ODB network ${id} does not exist`),
};

const TARGETS = ["GatewayId", "NatGatewayId", "NetworkInterfaceId", "InstanceId", ...Object.keys(ABSENT)] as const;

/** The route's target fields, checked against what exists in the table's VPC. */
export function targetOfRequest(state: Ec2State, table: RouteTableRecord, req: RouteRequest): Partial<Route> {
  const given = TARGETS.filter((k) => req[k as keyof RouteRequest] !== undefined);
  if (given.length === 0) throw networkErrors.missing("gatewayId, natGatewayId, networkInterfaceId, instanceId, vpcPeeringConnectionId or transitGatewayId");
  if (given.length > 1) throw ec2Errors.combination(`The parameter ${given[0]} cannot be used with the parameter ${given[1]}`);
  const key = given[0];
  const id = req[key as keyof RouteRequest]!;
  const elsewhere = (what: string) => networkErrors.differentNetworks(table.id, what, id);
  switch (key) {
    case "GatewayId": {
      const igw = state.internetGateways.get(id);
      if (!igw) throw networkErrors.gatewayNotFound(id);
      if (igw.vpcId !== table.vpcId) throw elsewhere("network gateway");
      return { GatewayId: id };
    }
    case "NatGatewayId": {
      const nat = state.natGateways.get(id)?.nat;
      if (!nat || nat.State === "deleted") throw networkErrors.natGatewayIdNotFound(id);
      if (nat.VpcId !== table.vpcId) throw elsewhere("network gateway");
      return { NatGatewayId: id };
    }
    case "NetworkInterfaceId": {
      const eni = state.networkInterfaces.get(id);
      if (!eni) throw ec2Errors.interfaceNotFound(id);
      if (eni.VpcId !== table.vpcId) throw elsewhere("interface");
      return { NetworkInterfaceId: id, ...(eni.Attachment?.InstanceId ? { InstanceId: eni.Attachment.InstanceId } : {}) };
    }
    case "InstanceId": {
      const rec = findInstances(state, [id])[0];
      if (rec.instance.State?.Name === "terminated") throw ec2Errors.instancesNotFound([id]);
      if (rec.instance.VpcId !== table.vpcId) throw elsewhere("instance");
      const enis = rec.instance.NetworkInterfaces ?? [];
      if (enis.length !== 1) throw ec2Errors.invalidParameter(`There are multiple interfaces attached to instance '${id}'. Please specify an interface ID for the operation instead.`);
      return { InstanceId: id, NetworkInterfaceId: enis[0].NetworkInterfaceId };
    }
    default:
      throw ABSENT[key](id);
  }
}
