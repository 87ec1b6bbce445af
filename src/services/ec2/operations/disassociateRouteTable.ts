import type { Handler } from "../context.js";
import { networkErrors } from "../domain/networkErrors.js";
import { findAssociation } from "../domain/routeTables.js";

/** The subnet falls back to the VPC's main table; the main association itself can only be moved. */
export const disassociateRouteTable: Handler<"DisassociateRouteTable"> = (input, ctx) => {
  const { table, association } = findAssociation(ctx.state, input.AssociationId);
  if (association.Main) throw networkErrors.mainAssociation(input.AssociationId);
  table.associations = table.associations.filter((a) => a !== association);
  return {};
};
