import type { Handler } from "../context.js";
import { checkTemplateData } from "../domain/launchTemplateData.js";
import { createdBy, findTemplate, resolveVersion, versionView } from "../domain/launchTemplates.js";

/** With a SourceVersion the new data is the source's with the given members over it; without one, only what is given. */
export const createLaunchTemplateVersion: Handler<"CreateLaunchTemplateVersion"> = (input, ctx) => {
  const { state } = ctx;
  const rec = findTemplate(state, input);
  const source = input.SourceVersion !== undefined ? resolveVersion(rec, input.SourceVersion) : undefined;
  checkTemplateData(ctx, input.LaunchTemplateData, source === undefined);
  const data = { ...structuredClone(source?.LaunchTemplateData ?? {}), ...structuredClone(input.LaunchTemplateData) };
  const number = rec.lastNumber + 1;
  const version = {
    LaunchTemplateId: rec.template.LaunchTemplateId,
    LaunchTemplateName: rec.template.LaunchTemplateName,
    VersionNumber: number,
    ...(input.VersionDescription !== undefined ? { VersionDescription: input.VersionDescription } : {}),
    CreateTime: ctx.now(),
    CreatedBy: createdBy(state.accountId, ctx.request.principal?.arn),
    DefaultVersion: false,
    LaunchTemplateData: data,
  };
  rec.versions.set(number, version);
  rec.lastNumber = number;
  rec.template.LatestVersionNumber = number;
  return { LaunchTemplateVersion: versionView(rec, version) };
};
