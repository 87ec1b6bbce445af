import type { Handler } from "../context.js";
import { page } from "../domain/paging.js";

export const listExports: Handler<"ListExports"> = (input, { state }) => {
  const all = [...state.exports].map(([Name, e]) => ({ ExportingStackId: e.stackId, Name, Value: e.value }));
  const p = page(all, input.NextToken, 100);
  return { Exports: p.items, ...(p.next ? { NextToken: p.next } : {}) };
};
