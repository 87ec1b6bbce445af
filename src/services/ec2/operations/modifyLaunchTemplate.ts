import type { Handler } from "../context.js";
import { findTemplate, resolveVersion, templateView } from "../domain/launchTemplates.js";

export const modifyLaunchTemplate: Handler<"ModifyLaunchTemplate"> = (input, ctx) => {
  const { state } = ctx;
  const rec = findTemplate(state, input);
  if (input.DefaultVersion !== undefined) rec.template.DefaultVersionNumber = resolveVersion(rec, input.DefaultVersion).VersionNumber!;
  return { LaunchTemplate: templateView(state, rec) };
};
