// AWS::EC2::LaunchTemplate: Ref is the template's id. New launch data is a new version made the
// default, as CloudFormation does; the name replaces.
import { toInput } from "./shape.js";
import type { ResourceProvider } from "./provider.js";
import { withStackTags } from "./provider.js";

export const provider: ResourceProvider = {
  type: "AWS::EC2::LaunchTemplate",
  operations: { ec2: ["CreateLaunchTemplate", "CreateLaunchTemplateVersion", "ModifyLaunchTemplate", "DeleteLaunchTemplate"] },
  attributes: ["DefaultVersionNumber", "LatestVersionNumber", "LaunchTemplateId"],
  replaceOn: ["LaunchTemplateName"],
  nameProperty: "LaunchTemplateName",
  create(props, pc) {
    const specs = (props.TagSpecifications ?? []).map((s: { ResourceType: string; Tags: { Key: string; Value: string }[] }) => ({ ...s, Tags: withStackTags(s.Tags, pc) }));
    const input = toInput("ec2", "CreateLaunchTemplate", {
      LaunchTemplateName: props.LaunchTemplateName ?? pc.generatedName(128),
      LaunchTemplateData: props.LaunchTemplateData ?? {},
      ...(props.VersionDescription !== undefined ? { VersionDescription: props.VersionDescription } : {}),
      ...(specs.length ? { TagSpecifications: specs } : {}),
    });
    const lt = pc.call("ec2", "CreateLaunchTemplate", input).LaunchTemplate;
    return { physicalId: lt.LaunchTemplateId, attributes: { LaunchTemplateId: lt.LaunchTemplateId, DefaultVersionNumber: String(lt.DefaultVersionNumber), LatestVersionNumber: String(lt.LatestVersionNumber) } };
  },
  update(props, old, pc) {
    const id = old.physicalId!;
    const input = toInput("ec2", "CreateLaunchTemplateVersion", { LaunchTemplateId: id, LaunchTemplateData: props.LaunchTemplateData ?? {}, ...(props.VersionDescription !== undefined ? { VersionDescription: props.VersionDescription } : {}) });
    const version = String(pc.call("ec2", "CreateLaunchTemplateVersion", input).LaunchTemplateVersion.VersionNumber);
    pc.call("ec2", "ModifyLaunchTemplate", { LaunchTemplateId: id, DefaultVersion: version });
    return { physicalId: id, attributes: { LaunchTemplateId: id, DefaultVersionNumber: version, LatestVersionNumber: version } };
  },
  delete(record, pc) {
    pc.call("ec2", "DeleteLaunchTemplate", { LaunchTemplateId: record.physicalId! });
  },
};
