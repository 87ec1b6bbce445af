import type { Handler } from "../context.js";
import { groupNameFromArn } from "../domain/groups.js";
import { page } from "../domain/pagination.js";
import { InvalidParameterException } from "../generated/errors.js";

export const describeLogGroups: Handler<"DescribeLogGroups"> = (input, ctx) => {
  const { state } = ctx;
  if (input.logGroupNamePrefix !== undefined && input.logGroupNamePattern !== undefined) {
    throw new InvalidParameterException("LogGroup name prefix and LogGroup name pattern are mutually exclusive parameters.");
  }
  if (input.logGroupIdentifiers !== undefined && (input.logGroupNamePrefix !== undefined || input.logGroupNamePattern !== undefined)) {
    throw new InvalidParameterException("LogGroup identifiers and LogGroup name prefix or pattern are mutually exclusive parameters.");
  }
  const ids = input.logGroupIdentifiers ? new Set(input.logGroupIdentifiers.map((id) => (id.startsWith("arn:") ? (groupNameFromArn(state, id) ?? "") : id))) : undefined;
  const pattern = input.logGroupNamePattern?.toLowerCase();
  const groups = [...state.groups.values()]
    .map((g) => g.group)
    .filter((g) => {
      const name = g.logGroupName!;
      if (ids && !ids.has(name)) return false;
      if (input.logGroupNamePrefix !== undefined && !name.startsWith(input.logGroupNamePrefix)) return false;
      if (pattern !== undefined && !name.toLowerCase().includes(pattern)) return false;
      return input.logGroupClass === undefined || g.logGroupClass === input.logGroupClass;
    })
    .sort((a, b) => (a.logGroupName! < b.logGroupName! ? -1 : 1));
  const p = page(groups, input.nextToken, input.limit ?? 50);
  return { logGroups: p.items, ...(p.nextToken ? { nextToken: p.nextToken } : {}) };
};
