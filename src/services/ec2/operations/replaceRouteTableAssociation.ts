import type { Handler } from "../context.js";
import { ec2Id } from "../domain/ids.js";
import { networkErrors } from "../domain/networkErrors.js";
import { findAssociation, findRouteTable, newAssociation } from "../domain/routeTables.js";

/** Moves a subnet's, a gateway's or the VPC's main association to another table, under a new association id. */
export const replaceRouteTableAssociation: Handler<"ReplaceRouteTableAssociation"> = (input, ctx) => {
  const { state } = ctx;
  const { table: from, association } = findAssociation(state, input.AssociationId);
  const to = findRouteTable(state, input.RouteTableId);
  if (to.vpcId !== from.vpcId) {
    const what = association.Main ? "route table" : association.SubnetId ? "subnet" : "network gateway";
    throw networkErrors.differentNetworks(to.id, what, association.SubnetId ?? association.GatewayId ?? from.id);
  }
  from.associations = from.associations.filter((a) => a !== association);
  const moved = newAssociation(to.id, ec2Id(state.ids, "rtbassoc"), { Main: association.Main, SubnetId: association.SubnetId, GatewayId: association.GatewayId });
  to.associations.push(moved);
  return { NewAssociationId: moved.RouteTableAssociationId, AssociationState: { State: "associated" } };
};
