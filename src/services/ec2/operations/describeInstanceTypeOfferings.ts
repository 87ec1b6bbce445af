import type { Handler } from "../context.js";
import type { InstanceTypeOffering } from "../generated/types.js";
import { checkFilters, matchesFilters, type FilterValues } from "../domain/filters.js";
import { knownInstanceTypes } from "../domain/instanceTypes.js";
import { paginate } from "../domain/pagination.js";
import { zoneId, zoneNames } from "../domain/zones.js";

const FILTERS: FilterValues<InstanceTypeOffering> = {
  "instance-type": (o) => o.InstanceType,
  location: (o) => o.Location,
};

/** Every type ecs-local knows is offered in the region and in each of its three zones. */
export const describeInstanceTypeOfferings: Handler<"DescribeInstanceTypeOfferings"> = (input, ctx) => {
  checkFilters(input.Filters, FILTERS, false);
  const type = input.LocationType ?? "region";
  const region = ctx.state.region;
  const locations = type === "region" ? [region] : type === "availability-zone" ? zoneNames(region) : type === "availability-zone-id" ? zoneNames(region).map(zoneId) : [];
  const offerings: InstanceTypeOffering[] = locations.flatMap((location) =>
    knownInstanceTypes().map((t) => ({ InstanceType: t as InstanceTypeOffering["InstanceType"], LocationType: type, Location: location })),
  );
  const page = paginate(
    offerings.filter((o) => matchesFilters(o, undefined, input.Filters, FILTERS)),
    input.MaxResults,
    input.NextToken,
  );
  return { InstanceTypeOfferings: page.items, ...(page.nextToken ? { NextToken: page.nextToken } : {}) };
};
