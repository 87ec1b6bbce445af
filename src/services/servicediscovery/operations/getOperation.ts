import type { Handler } from "../context.js";
import { OperationNotFound } from "../generated/errors.js";

export const getOperation: Handler<"GetOperation"> = (input, ctx) => {
  const op = ctx.state.operations.get(input.OperationId);
  if (!op) throw new OperationNotFound(`Operation not found: ${input.OperationId}`);
  return { Operation: structuredClone(op) };
};
