import type { Handler } from "../context.js";
import { findStack, showStack } from "../domain/stacks.js";
import { page } from "../domain/paging.js";

/** One stack by name or id (a deleted one by id only), or every live stack of the region. */
export const describeStacks: Handler<"DescribeStacks"> = (input, { state }) => {
  if (input.StackName !== undefined) return { Stacks: [showStack(findStack(state, input.StackName))] };
  const live = [...state.stacks.values()].filter((r) => r.stack.StackStatus !== "DELETE_COMPLETE").reverse();
  const p = page(live, input.NextToken, 100);
  return { Stacks: p.items.map(showStack), ...(p.next ? { NextToken: p.next } : {}) };
};
