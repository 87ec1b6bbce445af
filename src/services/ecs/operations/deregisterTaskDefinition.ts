import type { Handler } from "../context.js";
import { ClientException, InvalidParameterException } from "../generated/errors.js";
import { findRevision, parseTaskDefinitionRef } from "../domain/taskDefinitions.js";

export const deregisterTaskDefinition: Handler<"DeregisterTaskDefinition"> = (input, ctx) => {
  const ref = parseTaskDefinitionRef(ctx.state, input.taskDefinition);
  // ECS never picks a revision on the caller's behalf here.
  if (ref && ref.revision === undefined) throw new ClientException("Revision is missing.");
  if (ref && !/^\d+$/.test(ref.revision!)) throw new InvalidParameterException(`Invalid revision number. Number: ${ref.revision}`);
  const td = ref && findRevision(ctx.state, ref.family, ref.revision!);
  if (!td || td.status === "DELETE_IN_PROGRESS") throw new ClientException("Unable to describe task definition.");
  // Deregistering an INACTIVE revision again answers it unchanged.
  if (td.status === "ACTIVE") {
    td.status = "INACTIVE";
    td.deregisteredAt = ctx.now();
  }
  return { taskDefinition: td };
};
