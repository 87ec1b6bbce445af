// Systems Manager Parameter Store as the console reads it: parameters' metadata by DescribeParameters,
// which answers names, types, versions and dates and never a value. The console calls nothing that
// answers a value (GetParameter, GetParameters, GetParametersByPath, GetParameterHistory).
import type { OperationIO } from "../../services/ssm/generated/operations.js";
import { SIGNING_NAME, TARGET_PREFIX } from "../../services/ssm/generated/operations.js";
import type { ParameterMetadata, ParameterStringFilter } from "../../services/ssm/generated/types.js";
import { JsonApi, type Where } from "./api.js";

export type Ssm = JsonApi<OperationIO>;

export function ssmClient(where: Where): Ssm {
  return new JsonApi<OperationIO>(where, SIGNING_NAME, TARGET_PREFIX);
}

/**
 * The account's parameters, by name. A `path` beginning with "/" lists that hierarchy and below
 * (the Path filter, Recursive); `contains` keeps names that contain the text (the Name filter).
 */
export async function parameters(ssm: Ssm, path = "", contains = ""): Promise<ParameterMetadata[]> {
  const filters: ParameterStringFilter[] = [];
  if (path) filters.push({ Key: "Path", Option: "Recursive", Values: [path] });
  if (contains) filters.push({ Key: "Name", Option: "Contains", Values: [contains] });
  const list = await ssm.all("DescribeParameters", { MaxResults: 50, ...(filters.length ? { ParameterFilters: filters } : {}) }, "Parameters");
  return list.sort((a, b) => (a.Name ?? "").localeCompare(b.Name ?? ""));
}

/** One parameter's metadata, or undefined when the account has none by that name. */
export async function parameter(ssm: Ssm, name: string): Promise<ParameterMetadata | undefined> {
  const r = await ssm.call("DescribeParameters", { ParameterFilters: [{ Key: "Name", Option: "Equals", Values: [name] }] });
  return r.Parameters?.[0];
}
