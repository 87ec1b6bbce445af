import type { Handler } from "../context.js";
import { tagsOf } from "../domain/tags.js";
import { resolveTaskDefinition } from "../domain/taskDefinitions.js";

export const describeTaskDefinition: Handler<"DescribeTaskDefinition"> = (input, { state }) => {
  const td = resolveTaskDefinition(state, input.taskDefinition);
  // Tags are answered only when asked for.
  if (!input.include?.includes("TAGS")) return { taskDefinition: td };
  return { taskDefinition: td, tags: tagsOf(state, td.taskDefinitionArn!) };
};
