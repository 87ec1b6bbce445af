import type { Handler } from "../context.js";
import { getService } from "../domain/lookup.js";

export const deleteServiceAttributes: Handler<"DeleteServiceAttributes"> = (input, ctx) => {
  const sr = getService(ctx.state, input.ServiceId);
  for (const k of input.Attributes) sr.attributes.delete(k);
  return {};
};
