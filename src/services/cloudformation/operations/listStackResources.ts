import type { Handler } from "../context.js";
import { findStack } from "../domain/stacks.js";
import { summarizeResource } from "../domain/resources.js";
import { page } from "../domain/paging.js";

export const listStackResources: Handler<"ListStackResources"> = (input, { state }) => {
  const rec = findStack(state, input.StackName);
  const p = page([...rec.resources.values()], input.NextToken, 100);
  return { StackResourceSummaries: p.items.map(summarizeResource), ...(p.next ? { NextToken: p.next } : {}) };
};
