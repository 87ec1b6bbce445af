import type { Handler } from "../context.js";
import type { LaunchTemplateRecord } from "../domain/computeState.js";
import { computeErrors } from "../domain/computeErrors.js";
import { checkFilters, matchesFilters, type FilterValues } from "../domain/filters.js";
import { templateByName, templateView } from "../domain/launchTemplates.js";
import { paginate } from "../domain/pagination.js";

const FILTERS: FilterValues<LaunchTemplateRecord> = {
  "create-time": (r) => new Date(r.template.CreateTime! * 1000).toISOString(),
  "launch-template-name": (r) => r.template.LaunchTemplateName,
};

/** Templates asked for by id or name must all exist; filters then narrow, and an empty answer is no error. */
export const describeLaunchTemplates: Handler<"DescribeLaunchTemplates"> = (input, ctx) => {
  const { state } = ctx;
  checkFilters(input.Filters, FILTERS);
  const chosen = new Set<LaunchTemplateRecord>();
  for (const id of input.LaunchTemplateIds ?? []) {
    if (!/^lt-[0-9a-f]{17}$/.test(id)) throw computeErrors.templateIdMalformed(id);
    const rec = state.launchTemplates.get(id);
    if (!rec) throw computeErrors.templateIdsNotFound();
    chosen.add(rec);
  }
  for (const name of input.LaunchTemplateNames ?? []) {
    const rec = templateByName(state, name);
    if (!rec) throw computeErrors.templatesNotFound();
    chosen.add(rec);
  }
  const named = input.LaunchTemplateIds?.length || input.LaunchTemplateNames?.length;
  const all = [...state.launchTemplates.values()].filter((r) => (!named || chosen.has(r)) && matchesFilters(r, state.tags.get(r.template.LaunchTemplateId), input.Filters, FILTERS));
  const page = paginate(all, input.MaxResults, input.NextToken, { min: 1, max: 200 });
  return { LaunchTemplates: page.items.map((r) => templateView(state, r)), ...(page.nextToken ? { NextToken: page.nextToken } : {}) };
};
