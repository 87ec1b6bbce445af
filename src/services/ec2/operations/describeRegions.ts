import type { Handler } from "../context.js";
import type { Region } from "../generated/types.js";
import { ec2Errors } from "../domain/errors.js";
import { checkFilters, matchesFilters, type FilterValues } from "../domain/filters.js";
import { DEFAULT_REGIONS, OPT_IN_REGIONS, optInStatus } from "../domain/regions.js";

const FILTERS: FilterValues<Region> = {
  endpoint: (r) => r.Endpoint,
  "opt-in-status": (r) => r.OptInStatus,
  "region-name": (r) => r.RegionName,
};

/** Enabled regions (all with AllRegions); an opt-in region the request is signed for counts as opted in. */
export const describeRegions: Handler<"DescribeRegions"> = (input, ctx) => {
  checkFilters(input.Filters, FILTERS, false);
  const current = ctx.request.region;
  const status = (name: string) => (name === current && optInStatus(name) === "not-opted-in" ? "opted-in" : optInStatus(name));
  for (const name of input.RegionNames ?? []) if (!optInStatus(name)) throw ec2Errors.invalidParameter(`Invalid region: ${name}`);
  const regions: Region[] = [...DEFAULT_REGIONS, ...OPT_IN_REGIONS].sort().map((name) => ({ Endpoint: `ec2.${name}.amazonaws.com`, RegionName: name, OptInStatus: status(name) }));
  const named = new Set(input.RegionNames ?? []);
  const picked = regions.filter((r) => (named.size ? named.has(r.RegionName!) : input.AllRegions || r.OptInStatus !== "not-opted-in") && matchesFilters(r, undefined, input.Filters, FILTERS));
  return { Regions: picked };
};
