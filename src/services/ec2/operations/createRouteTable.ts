import type { Handler } from "../context.js";
import { ec2Id } from "../domain/ids.js";
import { findVpc } from "../domain/network.js";
import { newRouteTable, routeTableView } from "../domain/routeTables.js";
import { checkTagSpecifications, putTags, tagsFor } from "../domain/tags.js";

export const createRouteTable: Handler<"CreateRouteTable"> = (input, ctx) => {
  const { state } = ctx;
  const vpc = findVpc(state, input.VpcId);
  checkTagSpecifications(input.TagSpecifications, ["route-table"]);
  const table = newRouteTable(state, ec2Id(state.ids, "rtb"), vpc.vpc.VpcId!, vpc.vpc.CidrBlock!);
  putTags(state, table.id, tagsFor(input.TagSpecifications, "route-table"));
  return { RouteTable: routeTableView(state, table), ...(input.ClientToken !== undefined ? { ClientToken: input.ClientToken } : {}) };
};
