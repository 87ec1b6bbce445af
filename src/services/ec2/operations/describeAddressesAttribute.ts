import type { Handler } from "../context.js";
import { findAddress } from "../domain/addresses.js";
import { paginate } from "../domain/pagination.js";

/** `domain-name`: the reverse DNS record of each address; none is set here (ModifyAddressAttribute is not built), so none is answered. */
export const describeAddressesAttribute: Handler<"DescribeAddressesAttribute"> = (input, ctx) => {
  const { state } = ctx;
  const recs = input.AllocationIds?.length ? input.AllocationIds.map((id) => findAddress(state, id)) : [...state.addresses.values()];
  const page = paginate(recs, input.MaxResults, input.NextToken, { min: 1, max: 1000 });
  return { Addresses: page.items.map((r) => ({ PublicIp: r.address.PublicIp, AllocationId: r.address.AllocationId })), ...(page.nextToken ? { NextToken: page.nextToken } : {}) };
};
