import type { Deployment, Handler } from "../context.js";
import { findStack } from "../domain/stacks.js";
import { findChangeSet } from "../domain/changeSets.js";
import { declaredTransforms } from "../domain/deployment.js";

/** The template as submitted (Original), or after its transform (Processed: AWS::LanguageExtensions' loops expanded). */
export const getTemplate: Handler<"GetTemplate"> = (input, { state }) => {
  const d: Deployment = input.ChangeSetName !== undefined ? findChangeSet(state, input.ChangeSetName, input.StackName).cs.deployment : findStack(state, input.StackName ?? "").current;
  const transformed = d.body !== "" && declaredTransforms(d.body).length > 0;
  const body = input.TemplateStage === "Processed" && transformed ? JSON.stringify(d.template) : d.body;
  return { TemplateBody: body, StagesAvailable: ["Original", "Processed"] };
};
