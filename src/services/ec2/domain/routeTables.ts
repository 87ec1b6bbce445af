// Route tables: the main one every VPC gets, the ones users create, their routes and their
// associations with subnets. A route's state is worked out when it is described: `blackhole` once
// its target is gone (a detached gateway, a deleted NAT gateway, a stopped instance).
import type { Ec2State } from "../context.js";
import type { Route, RouteTable, RouteTableAssociation } from "../generated/types.js";
import type { RouteTableRecord } from "../networkState.js";
import { networkErrors } from "./networkErrors.js";
import { tagsOf } from "./tags.js";

export function newRouteTable(state: Ec2State, id: string, vpcId: string, vpcCidr: string): RouteTableRecord {
  const rec: RouteTableRecord = { id, vpcId, routes: [{ DestinationCidrBlock: vpcCidr, GatewayId: "local", Origin: "CreateRouteTable" }], associations: [] };
  state.routeTables.set(id, rec);
  return rec;
}

export function findRouteTable(state: Ec2State, id: string): RouteTableRecord {
  const rec = state.routeTables.get(id);
  if (!rec) throw networkErrors.routeTableNotFound(id);
  return rec;
}

export function mainRouteTable(state: Ec2State, vpcId: string): RouteTableRecord | undefined {
  for (const t of state.routeTables.values()) if (t.vpcId === vpcId && t.associations.some((a) => a.Main)) return t;
  return undefined;
}

/** The table and association of an association id. */
export function findAssociation(state: Ec2State, associationId: string): { table: RouteTableRecord; association: RouteTableAssociation } {
  for (const table of state.routeTables.values()) {
    const association = table.associations.find((a) => a.RouteTableAssociationId === associationId);
    if (association) return { table, association };
  }
  throw networkErrors.associationNotFound(associationId);
}

/** The explicit association of a subnet (or gateway), if it has one. */
export function associationOf(state: Ec2State, resourceId: string): { table: RouteTableRecord; association: RouteTableAssociation } | undefined {
  for (const table of state.routeTables.values()) {
    const association = table.associations.find((a) => a.SubnetId === resourceId || a.GatewayId === resourceId);
    if (association) return { table, association };
  }
  return undefined;
}

export function newAssociation(tableId: string, associationId: string, target: { SubnetId?: string; GatewayId?: string; Main?: boolean }): RouteTableAssociation {
  return { Main: target.Main ?? false, RouteTableAssociationId: associationId, RouteTableId: tableId, ...(target.SubnetId ? { SubnetId: target.SubnetId } : {}), ...(target.GatewayId ? { GatewayId: target.GatewayId } : {}), AssociationState: { State: "associated" } };
}

/** Whether a route's target still carries traffic. */
function routeActive(state: Ec2State, vpcId: string, r: Route): boolean {
  if (r.GatewayId !== undefined) return r.GatewayId === "local" || state.internetGateways.get(r.GatewayId)?.vpcId === vpcId;
  if (r.NatGatewayId !== undefined) {
    const s = state.natGateways.get(r.NatGatewayId)?.nat.State;
    return s === "pending" || s === "available";
  }
  if (r.NetworkInterfaceId !== undefined) {
    const eni = state.networkInterfaces.get(r.NetworkInterfaceId);
    if (!eni) return false;
    const host = eni.Attachment?.InstanceId;
    return host === undefined || state.instances.get(host)?.instance.State?.Name === "running";
  }
  if (r.InstanceId !== undefined) return state.instances.get(r.InstanceId)?.instance.State?.Name === "running";
  return true;
}

/** The destination a route is known by: its IPv4 block, IPv6 block or prefix list. */
export function destinationOf(r: { DestinationCidrBlock?: string; DestinationIpv6CidrBlock?: string; DestinationPrefixListId?: string }): string | undefined {
  return r.DestinationCidrBlock ?? r.DestinationIpv6CidrBlock ?? r.DestinationPrefixListId;
}

export function routeView(state: Ec2State, table: RouteTableRecord, r: Route): Route {
  const target = { ...r };
  if (r.InstanceId !== undefined) target.InstanceOwnerId = state.accountId;
  return { ...target, State: routeActive(state, table.vpcId, r) ? "active" : "blackhole" };
}

/** A table as DescribeRouteTables answers it. */
export function routeTableView(state: Ec2State, table: RouteTableRecord): RouteTable {
  return {
    Associations: structuredClone(table.associations),
    PropagatingVgws: [],
    RouteTableId: table.id,
    Routes: table.routes.map((r) => routeView(state, table, r)),
    Tags: tagsOf(state, table.id) ?? [],
    VpcId: table.vpcId,
    OwnerId: state.accountId,
  };
}

/** Whether any route of any table still names this target (for what a deletion leaves behind). */
export function routesTo(state: Ec2State, key: "GatewayId" | "NatGatewayId" | "NetworkInterfaceId" | "InstanceId", id: string): boolean {
  for (const t of state.routeTables.values()) if (t.routes.some((r) => r[key] === id)) return true;
  return false;
}
