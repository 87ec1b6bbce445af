import type { Handler } from "../context.js";
import { InvalidInput } from "../generated/errors.js";
import type { Operation, OperationFilter } from "../generated/types.js";
import { idOf } from "../domain/ids.js";
import { page } from "../domain/paging.js";

function passes(op: Operation, f: OperationFilter): boolean {
  const cond = f.Condition ?? "EQ";
  if (f.Name === "UPDATE_DATE") {
    if (cond !== "BETWEEN" || f.Values.length !== 2) throw new InvalidInput("UPDATE_DATE takes the BETWEEN condition with two values.");
    const [from, to] = f.Values.map(Number);
    return op.UpdateDate! >= from && op.UpdateDate! <= to;
  }
  const value = f.Name === "NAMESPACE_ID" ? op.Targets?.NAMESPACE : f.Name === "SERVICE_ID" ? op.Targets?.SERVICE : f.Name === "STATUS" ? op.Status : op.Type;
  const values = f.Name === "NAMESPACE_ID" || f.Name === "SERVICE_ID" ? f.Values.map(idOf) : f.Values;
  if (cond === "EQ") {
    if (values.length !== 1) throw new InvalidInput("The EQ condition takes exactly one value.");
    return value === values[0];
  }
  if (cond === "IN") return value !== undefined && values.includes(value);
  throw new InvalidInput(`The ${cond} condition is not supported for ${f.Name}.`);
}

export const listOperations: Handler<"ListOperations"> = (input, ctx) => {
  const all = [...ctx.state.operations.values()].filter((op) => (input.Filters ?? []).every((f) => passes(op, f)));
  const p = page(all, input.MaxResults, input.NextToken);
  return { Operations: p.items.map((op) => ({ Id: op.Id, Status: op.Status })), ...(p.NextToken ? { NextToken: p.NextToken } : {}) };
};
