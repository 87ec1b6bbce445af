import type { Handler } from "../context.js";
import type { NatGatewayRecord } from "../networkState.js";
import { describePage } from "../domain/describe.js";
import { checkFilters, type FilterValues } from "../domain/filters.js";
import { natGatewayView } from "../domain/natGateways.js";
import { networkErrors } from "../domain/networkErrors.js";

const FILTERS: FilterValues<NatGatewayRecord> = {
  "nat-gateway-id": (r) => r.nat.NatGatewayId,
  state: (r) => r.nat.State,
  "subnet-id": (r) => r.nat.SubnetId,
  "vpc-id": (r) => r.nat.VpcId,
};

/** Its filters come as `Filter`, not `Filters`, in EC2's model. */
export const describeNatGateways: Handler<"DescribeNatGateways"> = (input, ctx) => {
  const { state } = ctx;
  checkFilters(input.Filter, FILTERS);
  for (const id of input.NatGatewayIds ?? []) if (!state.natGateways.has(id)) throw networkErrors.natGatewayNotFound(id);
  const ids = input.NatGatewayIds?.length ? new Set(input.NatGatewayIds) : undefined;
  const page = describePage(state, state.natGateways.values(), (r) => r.nat.NatGatewayId!, (r) => natGatewayView(state, r), { ids, filters: input.Filter, maxResults: input.MaxResults, nextToken: input.NextToken }, FILTERS);
  return { NatGateways: page.items, ...(page.nextToken ? { NextToken: page.nextToken } : {}) };
};
