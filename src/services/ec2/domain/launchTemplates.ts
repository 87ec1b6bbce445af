// Launch templates and their versions: finding one by id or name as EC2 does (and refuses), resolving
// a version (`$Latest`, `$Default`, a number), and what a launch from a template starts from —
// the function RunInstances (and Auto Scaling, through RunInstances) resolves a template with.
import type { Ec2State } from "../context.js";
import type { LaunchTemplate, LaunchTemplateSpecification, LaunchTemplateVersion, ResponseLaunchTemplateData } from "../generated/types.js";
import type { LaunchTemplateRecord } from "./computeState.js";
import { computeErrors } from "./computeErrors.js";
import { tagsOf } from "./tags.js";

const TEMPLATE_ID = /^lt-[0-9a-f]{17}$/;

export interface TemplateTarget {
  LaunchTemplateId?: string;
  LaunchTemplateName?: string;
}

export function templateByName(state: Ec2State, name: string): LaunchTemplateRecord | undefined {
  for (const rec of state.launchTemplates.values()) if (rec.template.LaunchTemplateName === name) return rec;
  return undefined;
}

/** The template a request names by id or by name (exactly one of them), else EC2's error. */
export function findTemplate(state: Ec2State, target: TemplateTarget): LaunchTemplateRecord {
  const { LaunchTemplateId: id, LaunchTemplateName: name } = target;
  if (id !== undefined && name !== undefined) throw computeErrors.templateBoth();
  if (id !== undefined) {
    if (!TEMPLATE_ID.test(id)) throw computeErrors.templateIdMalformed(id);
    const rec = state.launchTemplates.get(id);
    if (!rec) throw computeErrors.templateIdNotFound(id);
    return rec;
  }
  if (name !== undefined) {
    const rec = templateByName(state, name);
    if (!rec) throw computeErrors.templateNameNotFound(name);
    return rec;
  }
  throw computeErrors.templateTarget();
}

/** A version number as requests write it; undefined when the text is not one. */
export function versionNumber(text: string): number | undefined {
  return /^[1-9]\d{0,17}$/.test(text) ? Number(text) : undefined;
}

/** `$Latest`, `$Default` or a number (the default when absent); EC2's error when there is no such version. */
export function resolveVersion(rec: LaunchTemplateRecord, version: string | undefined): LaunchTemplateVersion {
  const text = version ?? "$Default";
  const n = text === "$Latest" ? rec.template.LatestVersionNumber : text === "$Default" ? rec.template.DefaultVersionNumber : versionNumber(text);
  if (n === undefined) throw computeErrors.templateVersionMalformed(text);
  const found = rec.versions.get(n);
  if (!found) throw computeErrors.templateVersionNotFound(text);
  return found;
}

/** What a launch from a template starts from: the template, the version resolved and its data. */
export interface ResolvedTemplate {
  launchTemplateId: string;
  launchTemplateName: string;
  versionNumber: number;
  data: ResponseLaunchTemplateData;
}

/** Resolves a launch's `LaunchTemplate` specification to the version's data (a copy the caller may change). */
export function resolveLaunchTemplate(state: Ec2State, spec: LaunchTemplateSpecification): ResolvedTemplate {
  const rec = findTemplate(state, spec);
  const version = resolveVersion(rec, spec.Version);
  return {
    launchTemplateId: rec.template.LaunchTemplateId,
    launchTemplateName: rec.template.LaunchTemplateName,
    versionNumber: version.VersionNumber!,
    data: structuredClone(version.LaunchTemplateData ?? {}),
  };
}

/** The template as DescribeLaunchTemplates answers it, with its tags. */
export function templateView(state: Ec2State, rec: LaunchTemplateRecord): LaunchTemplate {
  const tags = tagsOf(state, rec.template.LaunchTemplateId);
  return { ...rec.template, ...(tags ? { Tags: tags } : {}) };
}

/** A version as DescribeLaunchTemplateVersions answers it: whether it is the default now. */
export function versionView(rec: LaunchTemplateRecord, v: LaunchTemplateVersion): LaunchTemplateVersion {
  return { ...v, DefaultVersion: v.VersionNumber === rec.template.DefaultVersionNumber };
}

/** Who made a template or version: the calling user or role session, else the account's root. */
export function createdBy(accountId: string, principalArn: string | undefined): string {
  return principalArn ?? `arn:aws:iam::${accountId}:root`;
}
