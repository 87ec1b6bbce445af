import type { Handler } from "../context.js";
import type { LaunchTemplateRecord } from "../domain/computeState.js";
import { computeErrors } from "../domain/computeErrors.js";
import { ec2Id } from "../domain/ids.js";
import { checkTemplateData } from "../domain/launchTemplateData.js";
import { createdBy, templateByName, templateView } from "../domain/launchTemplates.js";
import { checkTagSpecifications, putTags, tagsFor } from "../domain/tags.js";

export const createLaunchTemplate: Handler<"CreateLaunchTemplate"> = (input, ctx) => {
  const { state } = ctx;
  if (templateByName(state, input.LaunchTemplateName)) throw computeErrors.templateNameTaken();
  checkTemplateData(ctx, input.LaunchTemplateData, true);
  checkTagSpecifications(input.TagSpecifications, ["launch-template"]);
  const id = ec2Id(state.ids, "lt");
  const now = ctx.now();
  const by = createdBy(state.accountId, ctx.request.principal?.arn);
  const rec: LaunchTemplateRecord = {
    template: { LaunchTemplateId: id, LaunchTemplateName: input.LaunchTemplateName, CreateTime: now, CreatedBy: by, DefaultVersionNumber: 1, LatestVersionNumber: 1 },
    versions: new Map(),
    lastNumber: 1,
  };
  rec.versions.set(1, {
    LaunchTemplateId: id,
    LaunchTemplateName: input.LaunchTemplateName,
    VersionNumber: 1,
    ...(input.VersionDescription !== undefined ? { VersionDescription: input.VersionDescription } : {}),
    CreateTime: now,
    CreatedBy: by,
    DefaultVersion: true,
    LaunchTemplateData: structuredClone(input.LaunchTemplateData),
  });
  state.launchTemplates.set(id, rec);
  putTags(state, id, tagsFor(input.TagSpecifications, "launch-template"));
  return { LaunchTemplate: templateView(state, rec) };
};
