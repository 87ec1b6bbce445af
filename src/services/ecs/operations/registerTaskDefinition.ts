import type { Handler } from "../context.js";
import { checkTags, putTags, tagsOf } from "../domain/tags.js";
import { buildTaskDefinition } from "../domain/taskDefinitionBuild.js";
import { validateTaskDefinition } from "../domain/taskDefinitionValidation.js";

export const registerTaskDefinition: Handler<"RegisterTaskDefinition"> = (input, ctx) => {
  const { state } = ctx;
  // Everything is checked before the revision is taken, so a refused request consumes none.
  const size = validateTaskDefinition(input);
  checkTags(input.tags);
  const revisions = state.taskDefinitions.get(input.family) ?? [];
  const td = buildTaskDefinition(state, input, size, revisions.length + 1, ctx.now(), revisions[revisions.length - 1]);
  revisions.push(td);
  state.taskDefinitions.set(input.family, revisions);
  state.tags.delete(td.taskDefinitionArn!);
  putTags(state, td.taskDefinitionArn!, input.tags);
  return { taskDefinition: td, ...(input.tags ? { tags: tagsOf(state, td.taskDefinitionArn!) } : {}) };
};
