import type { Handler } from "../context.js";
import { findStack } from "../domain/stacks.js";
import { findChangeSet } from "../domain/changeSets.js";

/** The template as submitted (Original) or after transforms (Processed: the same here, since no transform is run). */
export const getTemplate: Handler<"GetTemplate"> = (input, { state }) => {
  const body = input.ChangeSetName !== undefined ? findChangeSet(state, input.ChangeSetName, input.StackName).cs.deployment.body : findStack(state, input.StackName ?? "").current.body;
  return { TemplateBody: body, StagesAvailable: ["Original", "Processed"] };
};
