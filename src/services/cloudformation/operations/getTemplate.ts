import type { Deployment, Handler } from "../context.js";
import { findStack } from "../domain/stacks.js";
import { findChangeSet } from "../domain/changeSets.js";
import { declaredTransforms } from "../domain/deployment.js";

/**
 * The template as submitted (Original), or after its transform (Processed: AWS::LanguageExtensions' loops expanded).
 * A stack a change set created has no template until the change set runs: the answer then has no
 * body (chosen; the model's TemplateBody is at least one character, and the CDK reads an absent one as `{}`).
 */
export const getTemplate: Handler<"GetTemplate"> = (input, { state }) => {
  const d: Deployment = input.ChangeSetName !== undefined ? findChangeSet(state, input.ChangeSetName, input.StackName).cs.deployment : findStack(state, input.StackName ?? "").current;
  const transformed = d.body !== "" && declaredTransforms(d.body).length > 0;
  const body = input.TemplateStage === "Processed" && transformed ? JSON.stringify(d.template) : d.body;
  return { ...(body !== "" ? { TemplateBody: body } : {}), StagesAvailable: ["Original", "Processed"] };
};
