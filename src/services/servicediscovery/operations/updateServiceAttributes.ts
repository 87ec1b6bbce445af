import type { Handler } from "../context.js";
import { ServiceAttributesLimitExceededException } from "../generated/errors.js";
import { getService } from "../domain/lookup.js";

/** At most 30 attributes per service. */
export const updateServiceAttributes: Handler<"UpdateServiceAttributes"> = (input, ctx) => {
  const sr = getService(ctx.state, input.ServiceId);
  const next = new Map(sr.attributes);
  for (const [k, v] of Object.entries(input.Attributes)) next.set(k, v);
  if (next.size > 30) throw new ServiceAttributesLimitExceededException("A service can have at most 30 attributes.");
  sr.attributes = next;
  return {};
};
