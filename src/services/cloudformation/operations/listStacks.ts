import type { Handler } from "../context.js";
import { summarizeStack } from "../domain/stacks.js";
import { page } from "../domain/paging.js";

/** Every stack of the region, deleted ones too (kept 90 days), newest first; StackStatusFilter narrows. */
export const listStacks: Handler<"ListStacks"> = (input, { state }) => {
  const filter = input.StackStatusFilter?.length ? new Set<string>(input.StackStatusFilter) : undefined;
  const all = [...state.stacks.values()].filter((r) => !filter || filter.has(r.stack.StackStatus)).reverse();
  const p = page(all, input.NextToken, 100);
  return { StackSummaries: p.items.map(summarizeStack), ...(p.next ? { NextToken: p.next } : {}) };
};
