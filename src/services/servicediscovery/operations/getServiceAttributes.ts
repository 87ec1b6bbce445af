import type { Handler } from "../context.js";
import { getService } from "../domain/lookup.js";

export const getServiceAttributes: Handler<"GetServiceAttributes"> = (input, ctx) => {
  const sr = getService(ctx.state, input.ServiceId);
  return { ServiceAttributes: { ServiceArn: sr.service.Arn, Attributes: Object.fromEntries(sr.attributes) } };
};
