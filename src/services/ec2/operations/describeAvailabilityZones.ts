import type { Handler } from "../context.js";
import type { AvailabilityZone } from "../generated/types.js";
import { ec2Errors } from "../domain/errors.js";
import { checkFilters, matchesFilters, type FilterValues } from "../domain/filters.js";
import { zoneId, zoneNames } from "../domain/zones.js";

const FILTERS: FilterValues<AvailabilityZone> = {
  "zone-name": (z) => z.ZoneName,
  "zone-id": (z) => z.ZoneId,
  state: (z) => z.State,
  "region-name": (z) => z.RegionName,
  "zone-type": (z) => z.ZoneType,
  "group-name": (z) => z.GroupName,
  "opt-in-status": (z) => z.OptInStatus,
  "network-border-group": (z) => z.NetworkBorderGroup,
};

export const describeAvailabilityZones: Handler<"DescribeAvailabilityZones"> = (input, ctx) => {
  const region = ctx.request.region;
  checkFilters(input.Filters, FILTERS, false);
  const zones: AvailabilityZone[] = zoneNames(region).map((name) => ({
    OptInStatus: "opt-in-not-required",
    Messages: [],
    RegionName: region,
    ZoneName: name,
    ZoneId: zoneId(name),
    GroupName: region,
    NetworkBorderGroup: region,
    ZoneType: "availability-zone",
    State: "available",
  }));
  const unknown = [...(input.ZoneNames ?? []).filter((n) => !zones.some((z) => z.ZoneName === n)), ...(input.ZoneIds ?? []).filter((n) => !zones.some((z) => z.ZoneId === n))];
  if (unknown.length) throw ec2Errors.invalidParameter(`Invalid availability zone: [${unknown.join(", ")}]`);
  const picked = zones.filter(
    (z) => (!input.ZoneNames?.length || input.ZoneNames.includes(z.ZoneName!)) && (!input.ZoneIds?.length || input.ZoneIds.includes(z.ZoneId!)) && matchesFilters(z, undefined, input.Filters, FILTERS),
  );
  return { AvailabilityZones: picked };
};
