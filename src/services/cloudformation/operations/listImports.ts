import type { Handler } from "../context.js";
import { page } from "../domain/paging.js";
import { importers } from "../engine/outputs.js";
import { validation } from "../template/errors.js";

export const listImports: Handler<"ListImports"> = (input, ctx) => {
  if (!ctx.state.exports.has(input.ExportName)) throw validation(`Export '${input.ExportName}' is not imported by any stack.`);
  const users = importers({ ...ctx, request: ctx.request }, input.ExportName);
  if (!users.length) throw validation(`Export '${input.ExportName}' is not imported by any stack.`);
  const p = page(users, input.NextToken, 100);
  return { Imports: p.items, ...(p.next ? { NextToken: p.next } : {}) };
};
