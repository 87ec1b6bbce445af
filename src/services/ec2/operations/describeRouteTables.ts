import type { Handler } from "../context.js";
import type { Route } from "../generated/types.js";
import type { RouteTableRecord } from "../networkState.js";
import { checkFilters, matchesFilters, type FilterValues } from "../domain/filters.js";
import { networkErrors } from "../domain/networkErrors.js";
import { paginate } from "../domain/pagination.js";
import { routeTableView, routeView } from "../domain/routeTables.js";

type Ctx = Parameters<Handler<"DescribeRouteTables">>[1];

function filtersFor(ctx: Ctx): FilterValues<RouteTableRecord> {
  const routes = <T>(t: RouteTableRecord, f: (r: Route) => T) => t.routes.map((r) => f(routeView(ctx.state, t, r)));
  return {
    "vpc-id": (t) => t.vpcId,
    "route-table-id": (t) => t.id,
    "owner-id": () => ctx.state.accountId,
    "association.main": (t) => t.associations.map((a) => a.Main),
    "association.subnet-id": (t) => t.associations.map((a) => a.SubnetId),
    "association.gateway-id": (t) => t.associations.map((a) => a.GatewayId),
    "association.route-table-association-id": (t) => t.associations.map((a) => a.RouteTableAssociationId),
    "association.route-table-id": (t) => t.associations.map((a) => a.RouteTableId),
    "association.association-state": (t) => t.associations.map((a) => a.AssociationState?.State),
    "route.destination-cidr-block": (t) => routes(t, (r) => r.DestinationCidrBlock),
    "route.destination-ipv6-cidr-block": (t) => routes(t, (r) => r.DestinationIpv6CidrBlock),
    "route.destination-prefix-list-id": (t) => routes(t, (r) => r.DestinationPrefixListId),
    "route.gateway-id": (t) => routes(t, (r) => r.GatewayId),
    "route.nat-gateway-id": (t) => routes(t, (r) => r.NatGatewayId),
    "route.instance-id": (t) => routes(t, (r) => r.InstanceId),
    "route.network-interface-id": (t) => routes(t, (r) => r.NetworkInterfaceId),
    "route.origin": (t) => routes(t, (r) => r.Origin),
    "route.state": (t) => routes(t, (r) => r.State),
    "route.vpc-peering-connection-id": (t) => routes(t, (r) => r.VpcPeeringConnectionId),
    "route.transit-gateway-id": (t) => routes(t, (r) => r.TransitGatewayId),
    "route.egress-only-internet-gateway-id": (t) => routes(t, (r) => r.EgressOnlyInternetGatewayId),
  };
}

export const describeRouteTables: Handler<"DescribeRouteTables"> = (input, ctx) => {
  const { state } = ctx;
  const filters = filtersFor(ctx);
  checkFilters(input.Filters, filters);
  for (const id of input.RouteTableIds ?? []) if (!state.routeTables.has(id)) throw networkErrors.routeTableNotFound(id);
  const wanted = input.RouteTableIds?.length ? new Set(input.RouteTableIds) : undefined;
  const all = [...state.routeTables.values()].filter((t) => (!wanted || wanted.has(t.id)) && matchesFilters(t, state.tags.get(t.id), input.Filters, filters));
  const page = paginate(all, input.MaxResults, input.NextToken, { min: 5, max: 100 });
  return { RouteTables: page.items.map((t) => routeTableView(state, t)), ...(page.nextToken ? { NextToken: page.nextToken } : {}) };
};
