// ParameterFilters of DescribeParameters and GetParametersByPath: their checks, in SSM's words, and
// which parameter version a filter set keeps. Texts: FIDELITY.md, "Systems Manager Parameter Store".
import type { ParameterStringFilter } from "../generated/types.js";
import { InvalidFilterKey, InvalidFilterOption, InvalidFilterValue } from "../generated/errors.js";
import type { ParameterRecord, ParameterVersion } from "../store.js";
import { validationException } from "./names.js";
import { checkPath, rooted, underPath } from "./paths.js";

export type FilterUse = "describe" | "byPath";

const VALUE_REQUIRED = ["Name", "Type", "Path", "Tier", "KeyId", "DataType"];
const ALLOWED_VALUES: Record<string, string[]> = { Type: ["String", "StringList", "SecureString"], Tier: ["Standard", "Advanced", "Intelligent-Tiering"] };

function option(f: ParameterStringFilter): string {
  return f.Option ?? (f.Key === "Path" ? "OneLevel" : "Equals");
}

function checkKey(f: ParameterStringFilter, use: FilterUse): void {
  if (use === "describe" && f.Key === "Label") {
    throw new InvalidFilterKey("The following filter key is not valid: Label. Valid filter keys include: [Path, Name, Type, KeyId, Tier].");
  }
  if (use === "byPath" && !["Type", "KeyId", "Label"].includes(f.Key)) {
    throw new InvalidFilterKey(`The following filter key is not valid: ${f.Key}. Valid filter keys include: [Type, KeyId].`);
  }
}

function checkPathFilter(f: ParameterStringFilter): void {
  if (!["Recursive", "OneLevel"].includes(option(f))) throw new InvalidFilterOption(`The following filter option is not valid: ${option(f)}. Valid options include: [Recursive, OneLevel].`);
  for (const value of f.Values ?? []) {
    if (/^\/(aws|ssm)/i.test(value)) {
      throw validationException(`Filters for common parameters can't be prefixed with "aws" or "ssm" (case-insensitive). When using global parameters, please specify within a global namespace.`);
    }
    checkPath(value);
  }
}

function checkOption(f: ParameterStringFilter): void {
  const allowed = f.Key === "Label" ? ["Equals"] : f.Key === "Name" ? ["Equals", "BeginsWith", "Contains"] : ["Equals", "BeginsWith"];
  if (!allowed.includes(option(f))) {
    const listed = f.Key === "Label" ? "[Equals]" : "[BeginsWith, Equals]";
    throw new InvalidFilterOption(`The following filter option is not valid: ${option(f)}. Valid options include: ${listed}.`);
  }
}

export function checkFilters(filters: ParameterStringFilter[] | undefined, use: FilterUse): void {
  const seen = new Set<string>();
  for (const f of filters ?? []) {
    checkKey(f, use);
    if (VALUE_REQUIRED.includes(f.Key) && !(f.Values && f.Values.length > 0)) {
      throw new InvalidFilterValue(`The following filter values are missing : null for filter key ${f.Key}.`);
    }
    if (seen.has(f.Key)) throw new InvalidFilterKey(`The following filter is duplicated in the request: ${f.Key}. A request can contain only one occurrence of a specific filter.`);
    seen.add(f.Key);
    if (f.Key === "Path") {
      checkPathFilter(f);
      continue;
    }
    for (const value of ALLOWED_VALUES[f.Key] === undefined ? [] : (f.Values ?? [])) {
      if (!ALLOWED_VALUES[f.Key].includes(value)) {
        throw new InvalidFilterOption(`The following filter value is not valid: ${value}. Valid values include: [${ALLOWED_VALUES[f.Key].join(", ")}].`);
      }
    }
    checkOption(f);
  }
}

function compare(what: string | undefined, f: ParameterStringFilter): boolean {
  if (what === undefined) return false;
  const values = f.Values ?? [];
  const opt = option(f);
  if (f.Key === "Name" && opt !== "Contains") return values.some((v) => (opt === "Equals" ? rooted(what) === rooted(v) : rooted(what).startsWith(rooted(v))));
  if (opt === "Contains") return values.some((v) => what.includes(v));
  return values.some((v) => (opt === "Equals" ? what === v : what.startsWith(v)));
}

function matches(record: ParameterRecord, v: ParameterVersion, f: ParameterStringFilter): boolean {
  switch (f.Key) {
    case "Name":
      return compare(record.name, f);
    case "Type":
      return compare(v.type, f);
    case "KeyId":
      return compare(v.keyId, f);
    case "Tier":
      return compare(v.tier, f);
    case "DataType":
      return compare(v.dataType, f);
    case "Path":
      return (f.Values ?? []).some((p) => underPath(record.name, p === "/" ? "/" : rooted(p).replace(/\/+$/, ""), option(f) === "Recursive"));
    default: {
      const tags = record.tags.filter((t) => t.Key === f.Key.slice("tag:".length));
      if (!f.Values || f.Values.length === 0) return tags.length > 0;
      return tags.some((t) => compare(t.Value, f));
    }
  }
}

/**
 * The version of a parameter the filters keep: its latest, or with a Label filter the version that
 * carries one of the labels (GetParametersByPath lists "specific parameter versions" by label).
 */
export function filteredVersion(record: ParameterRecord, filters: ParameterStringFilter[] | undefined): ParameterVersion | undefined {
  const label = filters?.find((f) => f.Key === "Label");
  const v = label ? record.versions.find((x) => x.labels.some((l) => (label.Values ?? []).includes(l))) : record.versions[record.versions.length - 1];
  if (!v) return undefined;
  return (filters ?? []).every((f) => f.Key === "Label" || matches(record, v, f)) ? v : undefined;
}
