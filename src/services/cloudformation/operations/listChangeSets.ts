import type { Handler } from "../context.js";
import { findStack } from "../domain/stacks.js";
import { summarizeChangeSet } from "../domain/changeSets.js";
import { page } from "../domain/paging.js";

export const listChangeSets: Handler<"ListChangeSets"> = (input, { state }) => {
  const rec = findStack(state, input.StackName);
  const p = page([...rec.changeSets.values()], input.NextToken, 100);
  return { Summaries: p.items.map((cs) => summarizeChangeSet(rec, cs)), ...(p.next ? { NextToken: p.next } : {}) };
};
