import type { Handler } from "../context.js";
import { networkErrors } from "../domain/networkErrors.js";
import { destinationOf, findRouteTable } from "../domain/routeTables.js";
import { destinationOfRequest, targetOfRequest } from "../domain/routeTargets.js";

export const createRoute: Handler<"CreateRoute"> = (input, ctx) => {
  const { state } = ctx;
  const table = findRouteTable(state, input.RouteTableId);
  const destination = destinationOfRequest(input);
  const target = targetOfRequest(state, table, input);
  const key = destinationOf(destination)!;
  if (table.routes.some((r) => destinationOf(r) === key)) throw networkErrors.routeExists(key);
  table.routes.push({ ...destination, ...target, Origin: "CreateRoute" });
  return { Return: true };
};
