import type { Handler } from "../context.js";
import type { DeleteLaunchTemplateVersionsResponseErrorItem, DeleteLaunchTemplateVersionsResponseSuccessItem } from "../generated/types.js";
import { findTemplate, versionNumber } from "../domain/launchTemplates.js";

/**
 * Deletes the versions it can and reports each one it cannot (the default version, one that does not
 * exist) in the answer rather than as an error; the latest number becomes the highest left.
 */
export const deleteLaunchTemplateVersions: Handler<"DeleteLaunchTemplateVersions"> = (input, ctx) => {
  const { state } = ctx;
  const rec = findTemplate(state, input);
  const ids = { LaunchTemplateId: rec.template.LaunchTemplateId, LaunchTemplateName: rec.template.LaunchTemplateName };
  const deleted: DeleteLaunchTemplateVersionsResponseSuccessItem[] = [];
  const refused: DeleteLaunchTemplateVersionsResponseErrorItem[] = [];
  for (const text of input.Versions) {
    const n = versionNumber(text);
    if (n === undefined || !rec.versions.has(n)) {
      refused.push({ ...ids, ...(n !== undefined ? { VersionNumber: n } : {}), ResponseError: { Code: "launchTemplateVersionDoesNotExist", Message: "The specified launch template version does not exist." } });
    } else if (n === rec.template.DefaultVersionNumber) {
      refused.push({ ...ids, VersionNumber: n, ResponseError: { Code: "unexpectedError", Message: "Cannot delete the default version of a launch template. Set another version as the default first, or delete the launch template." } });
    } else {
      rec.versions.delete(n);
      deleted.push({ ...ids, VersionNumber: n });
    }
  }
  rec.template.LatestVersionNumber = Math.max(...rec.versions.keys());
  return { SuccessfullyDeletedLaunchTemplateVersions: deleted, UnsuccessfullyDeletedLaunchTemplateVersions: refused };
};
