import type { Handler } from "../context.js";
import type { TagDescription } from "../generated/types.js";
import { checkFilters, matchesFilters, type FilterValues } from "../domain/filters.js";
import { resourceTypeOf } from "../domain/ids.js";
import { paginate } from "../domain/pagination.js";

const FILTERS: FilterValues<TagDescription> = {
  key: (t) => t.Key,
  value: (t) => t.Value,
  "resource-id": (t) => t.ResourceId,
  "resource-type": (t) => t.ResourceType,
};

export const describeTags: Handler<"DescribeTags"> = (input, ctx) => {
  const { state } = ctx;
  checkFilters(input.Filters, FILTERS, false);
  const all: TagDescription[] = [];
  for (const [id, tags] of state.tags) {
    const type = resourceTypeOf(id);
    for (const t of tags) all.push({ Key: t.Key, ResourceId: id, ResourceType: type as TagDescription["ResourceType"], Value: t.Value });
  }
  const picked = all.filter((t) => matchesFilters(t, undefined, input.Filters, FILTERS));
  const page = paginate(picked, input.MaxResults, input.NextToken);
  return { Tags: page.items, ...(page.nextToken ? { NextToken: page.nextToken } : {}) };
};
