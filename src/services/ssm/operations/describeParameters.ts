import type { Handler } from "../context.js";
import { checkFilters, filteredVersion } from "../domain/filters.js";
import { parameterArn, validationException } from "../domain/names.js";
import { page } from "../domain/pages.js";
import { metadataView } from "../domain/views.js";
import type { ParameterStringFilter, ParametersFilter } from "../generated/types.js";

/** The deprecated Filters, as their ParameterFilters equivalents (a Name matches from its start). */
function fromLegacy(filters: ParametersFilter[]): ParameterStringFilter[] {
  return filters.map((f) => ({ Key: f.Key, Option: f.Key === "Name" ? "BeginsWith" : "Equals", Values: f.Values }));
}

export const describeParameters: Handler<"DescribeParameters"> = (input, ctx) => {
  if (input.Filters && input.ParameterFilters) throw validationException("You can use either Filters or ParameterFilters in a single request.");
  checkFilters(input.ParameterFilters, "describe");
  const filters = input.ParameterFilters ?? (input.Filters ? fromLegacy(input.Filters) : undefined);
  // Nothing is shared with this account: ecs-local serves no Resource Access Manager.
  const records = input.Shared ? [] : [...ctx.state.parameters.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const { state } = ctx;
  const p = page(records, input.NextToken, input.MaxResults ?? 10, (record) =>
    filteredVersion(record, filters) ? metadataView(record, parameterArn(state.region, state.accountId, record.name)) : undefined,
  );
  return { Parameters: p.items, ...(p.nextToken ? { NextToken: p.nextToken } : {}) };
};
