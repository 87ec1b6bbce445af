// The parameter a tagging operation names: only Parameter resources exist here, by plain name.
import { InvalidResourceId } from "../generated/errors.js";
import type { ParameterRecord, SsmState } from "../store.js";
import { parameterKey, trimName } from "./names.js";
import { isPublicName } from "./publicParameters.js";

/** SSM answers an unknown resource without a message (the error has no members in the model). */
export function taggedParameter(state: SsmState, resourceType: string, resourceId: string): ParameterRecord {
  const name = trimName(resourceId);
  const record = resourceType === "Parameter" && !isPublicName(name) ? state.parameters.get(parameterKey(name)) : undefined;
  if (!record) throw new InvalidResourceId("");
  return record;
}
