import type { Handler } from "../context.js";
import type { Failure, TaskDefinition } from "../generated/types.js";
import { findRevision, parseTaskDefinitionRef } from "../domain/taskDefinitions.js";

const INVALID = "The specified task definition identifier is invalid. Specify a valid name or ARN and try again.";
const MISSING = "The specified task definition does not exist. Specify a valid account, family, revision and try again.";
const STILL_ACTIVE = "The specified task definition is still in ACTIVE status. Please deregister the target and try again.";

export const deleteTaskDefinitions: Handler<"DeleteTaskDefinitions"> = (input, ctx) => {
  const taskDefinitions: TaskDefinition[] = [];
  const failures: Failure[] = [];
  for (const arn of input.taskDefinitions) {
    const ref = parseTaskDefinitionRef(ctx.state, arn);
    if (!ref || ref.revision === undefined) {
      failures.push({ arn, reason: INVALID });
      continue;
    }
    const td = findRevision(ctx.state, ref.family, ref.revision);
    if (!td) failures.push({ arn, reason: MISSING });
    else if (td.status === "ACTIVE") failures.push({ arn, reason: STILL_ACTIVE });
    else {
      if (td.status === "INACTIVE") {
        td.status = "DELETE_IN_PROGRESS";
        td.deleteRequestedAt = ctx.now();
      }
      taskDefinitions.push(td);
    }
  }
  return { taskDefinitions, failures };
};
