import { AwsError } from "../../../protocol/errors.js";
import type { Handler } from "../context.js";
import { networkErrors } from "../domain/networkErrors.js";
import { destinationOf, findRouteTable } from "../domain/routeTables.js";
import { destinationOfRequest, targetOfRequest } from "../domain/routeTargets.js";

/** Points an existing route elsewhere; the `local` route takes only interfaces, instances or its own target back. */
export const replaceRoute: Handler<"ReplaceRoute"> = (input, ctx) => {
  const { state } = ctx;
  const table = findRouteTable(state, input.RouteTableId);
  const destination = destinationOfRequest(input);
  const key = destinationOf(destination)!;
  const i = table.routes.findIndex((r) => destinationOf(r) === key);
  if (i < 0) throw networkErrors.noRouteToReplace(key);
  const isLocal = table.routes[i].Origin === "CreateRouteTable";
  if (input.LocalTarget) {
    if (!isLocal) throw new AwsError("InvalidParameterValue", "Route target is not supported. This route only supports interface and instance targets.");
    table.routes[i] = { ...destination, GatewayId: "local", Origin: "CreateRouteTable" };
    return {};
  }
  const target = targetOfRequest(state, table, input);
  if (isLocal && target.NetworkInterfaceId === undefined) throw new AwsError("InvalidParameterValue", "Route target is not supported. This route only supports interface and instance targets.");
  table.routes[i] = { ...destination, ...target, Origin: table.routes[i].Origin };
  return {};
};
