import type { Handler } from "../context.js";
import { ownParameter } from "../domain/find.js";
import { cancelImageWrite } from "../domain/imageWrites.js";

export const deleteParameter: Handler<"DeleteParameter"> = (input, ctx) => {
  const { key } = ownParameter(ctx.state, input.Name);
  ctx.state.parameters.delete(key);
  cancelImageWrite(ctx.backend, ctx.state, key);
  return {};
};
