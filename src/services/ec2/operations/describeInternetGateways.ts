import type { Handler } from "../context.js";
import type { InternetGatewayRecord } from "../networkState.js";
import { describePage } from "../domain/describe.js";
import { checkFilters, type FilterValues } from "../domain/filters.js";
import { internetGatewayView } from "../domain/internetGateways.js";
import { networkErrors } from "../domain/networkErrors.js";

function filtersFor(accountId: string): FilterValues<InternetGatewayRecord> {
  return {
    "attachment.state": (g) => (g.vpcId ? "available" : undefined),
    "attachment.vpc-id": (g) => g.vpcId,
    "internet-gateway-id": (g) => g.id,
    "owner-id": () => accountId,
  };
}

export const describeInternetGateways: Handler<"DescribeInternetGateways"> = (input, ctx) => {
  const { state } = ctx;
  const filters = filtersFor(state.accountId);
  checkFilters(input.Filters, filters);
  for (const id of input.InternetGatewayIds ?? []) if (!state.internetGateways.has(id)) throw networkErrors.internetGatewayNotFound(id);
  const ids = input.InternetGatewayIds?.length ? new Set(input.InternetGatewayIds) : undefined;
  const page = describePage(state, state.internetGateways.values(), (g) => g.id, (g) => internetGatewayView(state, g), { ids, filters: input.Filters, maxResults: input.MaxResults, nextToken: input.NextToken }, filters);
  return { InternetGateways: page.items, ...(page.nextToken ? { NextToken: page.nextToken } : {}) };
};
