import type { Handler } from "../context.js";
import { InvalidInputException, NoSuchEntityException } from "../generated/errors.js";
import { TASK_ID } from "../domain/deletionTasks.js";

export const getServiceLinkedRoleDeletionStatus: Handler<"GetServiceLinkedRoleDeletionStatus"> = (input, ctx) => {
  if (!TASK_ID.test(input.DeletionTaskId)) throw new InvalidInputException(`Invalid deletion task id: ${input.DeletionTaskId}`);
  const status = ctx.state.deletionTasks.get(input.DeletionTaskId);
  if (!status) throw new NoSuchEntityException(`Deletion task ${input.DeletionTaskId} cannot be found.`);
  return { Status: status };
};
