import type { Handler } from "../context.js";
import { findStack } from "../domain/stacks.js";
import { page } from "../domain/paging.js";
import { showEvent } from "../domain/events.js";

export const describeStackEvents: Handler<"DescribeStackEvents"> = (input, { state }) => {
  const rec = findStack(state, input.StackName);
  const p = page(rec.events, input.NextToken, 100);
  return { StackEvents: p.items.map((e) => showEvent(rec, e)), ...(p.next ? { NextToken: p.next } : {}) };
};
