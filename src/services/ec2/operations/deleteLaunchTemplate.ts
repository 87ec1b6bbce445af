import type { Handler } from "../context.js";
import { findTemplate, templateView } from "../domain/launchTemplates.js";
import { forgetTags } from "../domain/tags.js";

/** Deletes the template with every version; the answer is the template as it was, without its tags. */
export const deleteLaunchTemplate: Handler<"DeleteLaunchTemplate"> = (input, ctx) => {
  const { state } = ctx;
  const rec = findTemplate(state, input);
  const { Tags, ...view } = templateView(state, rec);
  void Tags;
  state.launchTemplates.delete(rec.template.LaunchTemplateId);
  forgetTags(state, rec.template.LaunchTemplateId);
  return { LaunchTemplate: view };
};
