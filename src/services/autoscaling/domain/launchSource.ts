// A group's launch source (launch configuration, launch template or mixed instances policy): checked
// when the group is created or updated, and turned into EC2 RunInstances input for each launch.
import { AwsError, commonErrors } from "../../../protocol/errors.js";
import type { AutoScalingBackend, AutoScalingState, GroupRecord, LaunchSource } from "../context.js";
import type { LaunchConfiguration, LaunchTemplateSpecification, MixedInstancesPolicy } from "../generated/types.js";
import { asgErrors } from "./errors.js";
import { callEc2 } from "./peers.js";

export interface LaunchRequest {
  LaunchConfigurationName?: string;
  LaunchTemplate?: LaunchTemplateSpecification;
  MixedInstancesPolicy?: MixedInstancesPolicy;
  InstanceId?: string;
}

/** EC2's answer for a template that does not exist or lacks the version, as Auto Scaling words it. */
function templateError(e: unknown): Error {
  if (e instanceof AwsError && /^InvalidLaunchTemplate/.test(e.code)) return asgErrors.launchTemplate(e.message);
  return e as Error;
}

/** The template as the group shows it: id and name from EC2, the version as given ($Default when none). */
export function resolveTemplate(backend: AutoScalingBackend, state: AutoScalingState, spec: LaunchTemplateSpecification | undefined): LaunchTemplateSpecification {
  const id = spec?.LaunchTemplateId;
  const name = spec?.LaunchTemplateName;
  if ((id === undefined) === (name === undefined)) throw asgErrors.launchTemplateIdOrName();
  const version = spec?.Version ?? "$Default";
  try {
    // One look at the version names the template's id and name and proves both exist (EC2's texts).
    const found = callEc2(backend, state, "DescribeLaunchTemplateVersions", { ...(id !== undefined ? { LaunchTemplateId: id } : { LaunchTemplateName: name }), Versions: [version] });
    const v = found.LaunchTemplateVersions[0];
    return { LaunchTemplateId: v.LaunchTemplateId, LaunchTemplateName: v.LaunchTemplateName, Version: version };
  } catch (e) {
    throw templateError(e);
  }
}

export function findConfiguration(state: AutoScalingState, name: string): LaunchConfiguration {
  const lc = state.launchConfigurations.get(name);
  if (!lc) throw asgErrors.configurationNotFound(name);
  return lc;
}

/** Exactly one launch source, each checked: a configuration that exists, a template EC2 knows. */
export function launchSource(backend: AutoScalingBackend, state: AutoScalingState, req: LaunchRequest): LaunchSource {
  const given = [req.LaunchConfigurationName, req.LaunchTemplate, req.MixedInstancesPolicy, req.InstanceId].filter((v) => v !== undefined).length;
  if (given !== 1) throw asgErrors.launchSource();
  if (req.InstanceId !== undefined) throw commonErrors.unsupported("ecs-local does not support creating a group from an instance (InstanceId) yet; name a launch template or a launch configuration.");
  if (req.LaunchConfigurationName !== undefined) return { kind: "configuration", name: findConfiguration(state, req.LaunchConfigurationName).LaunchConfigurationName };
  if (req.LaunchTemplate) return { kind: "template", template: resolveTemplate(backend, state, req.LaunchTemplate) };
  const policy = structuredClone(req.MixedInstancesPolicy!);
  const spec = policy.LaunchTemplate?.LaunchTemplateSpecification;
  if (!spec) throw asgErrors.launchTemplateIdOrName();
  policy.LaunchTemplate!.LaunchTemplateSpecification = resolveTemplate(backend, state, spec);
  return { kind: "mixed", policy };
}

/** The groups a configuration serves: it cannot be deleted while any does. */
export function groupUsing(state: AutoScalingState, configuration: string): GroupRecord | undefined {
  for (const g of state.groups.values()) if (g.launch.kind === "configuration" && g.launch.name === configuration) return g;
  return undefined;
}

function configurationInput(lc: LaunchConfiguration): Record<string, unknown> {
  const groups = lc.SecurityGroups ?? [];
  const profile = lc.IamInstanceProfile;
  return {
    ImageId: lc.ImageId,
    InstanceType: lc.InstanceType,
    ...(lc.KeyName ? { KeyName: lc.KeyName } : {}),
    ...(lc.UserData ? { UserData: lc.UserData } : {}),
    ...(groups.some((g) => g.startsWith("sg-")) ? { SecurityGroupIds: groups.filter((g) => g.startsWith("sg-")) } : {}),
    ...(groups.some((g) => !g.startsWith("sg-")) ? { SecurityGroups: groups.filter((g) => !g.startsWith("sg-")) } : {}),
    ...(profile ? { IamInstanceProfile: profile.startsWith("arn:") ? { Arn: profile } : { Name: profile } } : {}),
    ...(lc.EbsOptimized !== undefined ? { EbsOptimized: lc.EbsOptimized } : {}),
    Monitoring: { Enabled: lc.InstanceMonitoring?.Enabled ?? true },
  };
}

/** RunInstances input for one instance of the group (placement and tags are the caller's). */
export function launchInput(state: AutoScalingState, group: GroupRecord): { input: Record<string, unknown>; configurationName?: string; template?: LaunchTemplateSpecification } {
  // A refresh in progress launches its desired configuration.
  const refreshing = group.refreshes.find((r) => r.refresh.Status === "InProgress" || r.refresh.Status === "Pending");
  const l = refreshing?.launch ?? group.launch;
  if (l.kind === "configuration") return { input: configurationInput(findConfiguration(state, l.name)), configurationName: l.name };
  const spec = l.kind === "template" ? l.template : l.policy.LaunchTemplate!.LaunchTemplateSpecification!;
  const override = l.kind === "mixed" ? l.policy.LaunchTemplate?.Overrides?.[0] : undefined;
  const template = override?.LaunchTemplateSpecification ?? spec;
  return {
    input: {
      LaunchTemplate: { LaunchTemplateId: template.LaunchTemplateId, Version: template.Version ?? "$Default" },
      ...(override?.InstanceType !== undefined ? { InstanceType: override.InstanceType } : {}),
      ...(override?.ImageId !== undefined ? { ImageId: override.ImageId } : {}),
    },
    template: { ...spec },
  };
}
