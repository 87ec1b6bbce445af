import type { Handler } from "../context.js";
import { ec2Id } from "../domain/ids.js";
import { findSubnet } from "../domain/network.js";
import { networkErrors } from "../domain/networkErrors.js";
import { associationOf, findRouteTable, newAssociation } from "../domain/routeTables.js";

/** A subnet, or an internet gateway attached to the table's VPC (an edge association), gets this table. */
export const associateRouteTable: Handler<"AssociateRouteTable"> = (input, ctx) => {
  const { state } = ctx;
  const table = findRouteTable(state, input.RouteTableId);
  let target: { SubnetId?: string; GatewayId?: string };
  if (input.SubnetId !== undefined) {
    const subnet = findSubnet(state, input.SubnetId).subnet;
    if (subnet.VpcId !== table.vpcId) throw networkErrors.differentNetworks(table.id, "subnet", subnet.SubnetId!);
    target = { SubnetId: subnet.SubnetId };
  } else if (input.GatewayId !== undefined) {
    const igw = state.internetGateways.get(input.GatewayId);
    if (!igw) throw networkErrors.gatewayNotFound(input.GatewayId);
    if (igw.vpcId !== table.vpcId) throw networkErrors.differentNetworks(table.id, "network gateway", igw.id);
    target = { GatewayId: igw.id };
  } else throw networkErrors.missing("subnetId or gatewayId");
  if (associationOf(state, (target.SubnetId ?? target.GatewayId)!)) throw networkErrors.associationConflict(table.id);
  const association = newAssociation(table.id, ec2Id(state.ids, "rtbassoc"), target);
  table.associations.push(association);
  return { AssociationId: association.RouteTableAssociationId, AssociationState: { State: "associated" } };
};
