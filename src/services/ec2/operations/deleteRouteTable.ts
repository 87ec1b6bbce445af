import type { Handler } from "../context.js";
import { networkErrors } from "../domain/networkErrors.js";
import { findRouteTable } from "../domain/routeTables.js";
import { forgetTags } from "../domain/tags.js";

/** Refused while the table is main or associated with a subnet or gateway. */
export const deleteRouteTable: Handler<"DeleteRouteTable"> = (input, ctx) => {
  const { state } = ctx;
  const table = findRouteTable(state, input.RouteTableId);
  if (table.associations.length) throw networkErrors.hasDependencies("routeTable", table.id);
  state.routeTables.delete(table.id);
  forgetTags(state, table.id);
  return {};
};
