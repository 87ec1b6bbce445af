import type { Handler } from "../context.js";
import { checkFilters, filteredVersion } from "../domain/filters.js";
import { parameterArn } from "../domain/names.js";
import { page } from "../domain/pages.js";
import { checkPath, underPath } from "../domain/paths.js";
import { isPublicName, publicParameters } from "../domain/publicParameters.js";
import { parameterView } from "../domain/views.js";

export const getParametersByPath: Handler<"GetParametersByPath"> = (input, ctx) => {
  const { state } = ctx;
  const path = input.Path.trim();
  checkPath(path);
  checkFilters(input.ParameterFilters, "byPath");
  const publicPath = isPublicName(path.endsWith("/") ? path : `${path}/`);
  const account = publicPath ? "" : state.accountId;
  const pool = publicPath ? [...publicParameters(state.region).values()] : [...state.parameters.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const inScope = pool.filter((r) => underPath(r.name, path, input.Recursive ?? false));
  const p = page(inScope, input.NextToken, input.MaxResults ?? 10, (record) => {
    const version = filteredVersion(record, input.ParameterFilters);
    return version && parameterView({ record, version, arn: parameterArn(state.region, account, record.name) }, input.WithDecryption);
  });
  return { Parameters: p.items, ...(p.nextToken ? { NextToken: p.nextToken } : {}) };
};
