import type { Handler } from "../context.js";
import { getService } from "../domain/lookup.js";
import { registerInstance as register } from "../domain/instances.js";
import { startOperation } from "../domain/operations.js";

/** Registers, or under a registered id replaces, an instance; its attributes must fit the service's records. */
export const registerInstance: Handler<"RegisterInstance"> = (input, ctx) => {
  const sr = getService(ctx.state, input.ServiceId);
  register(sr, input.InstanceId, input.Attributes, input.CreatorRequestId);
  return { OperationId: startOperation(ctx, "REGISTER_INSTANCE", { SERVICE: sr.service.Id!, INSTANCE: input.InstanceId }) };
};
