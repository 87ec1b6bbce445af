import type { Handler } from "../context.js";
import { getInstance, getService } from "../domain/lookup.js";
import { deregisterInstance as deregister } from "../domain/instances.js";
import { startOperation } from "../domain/operations.js";

export const deregisterInstance: Handler<"DeregisterInstance"> = (input, ctx) => {
  const sr = getService(ctx.state, input.ServiceId);
  getInstance(sr, input.InstanceId);
  deregister(sr, input.InstanceId);
  return { OperationId: startOperation(ctx, "DEREGISTER_INSTANCE", { SERVICE: sr.service.Id!, INSTANCE: input.InstanceId }) };
};
