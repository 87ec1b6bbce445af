import type { Handler } from "../context.js";
import { ResourceInUse } from "../generated/errors.js";
import { getService } from "../domain/lookup.js";

/** Refused while instances are registered, in Cloud Map's words. */
export const deleteService: Handler<"DeleteService"> = (input, ctx) => {
  const { state } = ctx;
  const sr = getService(state, input.Id);
  if (sr.instances.size) throw new ResourceInUse("Service contains registered instances; delete the instances before deleting the service");
  state.services.delete(sr.service.Id!);
  state.tags.delete(sr.service.Arn!);
  return {};
};
