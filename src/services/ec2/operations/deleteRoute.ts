import type { Handler } from "../context.js";
import { ec2Errors } from "../domain/errors.js";
import { networkErrors } from "../domain/networkErrors.js";
import { destinationOf, findRouteTable } from "../domain/routeTables.js";
import { destinationOfRequest } from "../domain/routeTargets.js";

export const deleteRoute: Handler<"DeleteRoute"> = (input, ctx) => {
  const table = findRouteTable(ctx.state, input.RouteTableId);
  const key = destinationOf(destinationOfRequest(input))!;
  const i = table.routes.findIndex((r) => destinationOf(r) === key);
  if (i < 0) throw networkErrors.routeNotFound(key, table.id);
  if (table.routes[i].Origin === "CreateRouteTable") throw ec2Errors.invalidParameter(`cannot remove local route ${key} in route table ${table.id}`);
  table.routes.splice(i, 1);
  return {};
};
