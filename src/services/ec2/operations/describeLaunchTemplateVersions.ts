import type { Handler } from "../context.js";
import type { LaunchTemplateVersion } from "../generated/types.js";
import type { LaunchTemplateRecord } from "../domain/computeState.js";
import { ec2Errors } from "../domain/errors.js";
import { isImageAlias, resolveImageAlias } from "../domain/imageAlias.js";
import { checkFilters, matchesFilters } from "../domain/filters.js";
import { findTemplate, resolveVersion, versionNumber, versionView } from "../domain/launchTemplates.js";
import { VERSION_FILTERS } from "../domain/launchTemplateFilters.js";
import { paginate } from "../domain/pagination.js";

type Entry = { rec: LaunchTemplateRecord; version: LaunchTemplateVersion };

/** One template's versions: those named ($Latest, $Default, numbers), else all within MinVersion–MaxVersion, newest first. */
function ofTemplate(rec: LaunchTemplateRecord, versions: string[] | undefined, min?: string, max?: string): Entry[] {
  if (versions?.length) return [...new Set(versions.map((v) => resolveVersion(rec, v)))].map((version) => ({ rec, version }));
  const low = min !== undefined ? versionNumber(min) : 1;
  const high = max !== undefined ? versionNumber(max) : Infinity;
  if (low === undefined || high === undefined) throw ec2Errors.invalidParameter(`The version range '${min ?? ""}' to '${max ?? ""}' is not valid.`);
  return [...rec.versions.values()]
    .filter((v) => v.VersionNumber! >= low && v.VersionNumber! <= high)
    .sort((a, b) => b.VersionNumber! - a.VersionNumber!)
    .map((version) => ({ rec, version }));
}

/** Without a template, only `$Latest` and `$Default` may be asked for: those versions of every template. */
function ofAccount(records: Iterable<LaunchTemplateRecord>, versions: string[] | undefined): Entry[] {
  const asked = versions ?? [];
  const odd = asked.find((v) => v !== "$Latest" && v !== "$Default");
  if (odd !== undefined || !asked.length) {
    throw ec2Errors.combination("To describe the versions of all launch templates, specify only $Latest or $Default as the versions; to describe other versions, specify a launch template ID or name.");
  }
  const out: Entry[] = [];
  for (const rec of records) for (const version of new Set(asked.map((v) => resolveVersion(rec, v)))) out.push({ rec, version });
  return out;
}

export const describeLaunchTemplateVersions: Handler<"DescribeLaunchTemplateVersions"> = (input, ctx) => {
  const { state } = ctx;
  checkFilters(input.Filters, VERSION_FILTERS, false);
  const named = input.LaunchTemplateId !== undefined || input.LaunchTemplateName !== undefined;
  const entries = named ? ofTemplate(findTemplate(state, input), input.Versions, input.MinVersion, input.MaxVersion) : ofAccount(state.launchTemplates.values(), input.Versions);
  const views = entries.map((e) => versionView(e.rec, e.version)).filter((v) => matchesFilters(v, undefined, input.Filters, VERSION_FILTERS));
  // ResolveAlias shows the image an SSM alias names now; the data itself keeps the alias.
  if (input.ResolveAlias) for (const v of views) if (isImageAlias(v.LaunchTemplateData?.ImageId)) v.LaunchTemplateData = { ...v.LaunchTemplateData, ImageId: resolveImageAlias(ctx, v.LaunchTemplateData.ImageId) };
  const page = paginate(views, input.MaxResults, input.NextToken, { min: 1, max: 200 });
  return { LaunchTemplateVersions: page.items, ...(page.nextToken ? { NextToken: page.nextToken } : {}) };
};
