import type { Handler } from "../context.js";
import { getInstance as find, getService } from "../domain/lookup.js";

export const getInstance: Handler<"GetInstance"> = (input, ctx) => {
  const i = find(getService(ctx.state, input.ServiceId), input.InstanceId);
  return { Instance: { Id: i.id, ...(i.creatorRequestId ? { CreatorRequestId: i.creatorRequestId } : {}), Attributes: { ...i.attributes } } };
};
