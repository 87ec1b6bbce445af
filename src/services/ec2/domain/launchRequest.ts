// A RunInstances request with its launch template applied: the template version's data first, the
// request's own values over it (AWS: "any parameters that you specify in the RunInstances request
// override the same parameters in the launch template"), tags merged per resource type.
import type { Ec2State } from "../context.js";
import type { ResponseLaunchTemplateData, RunInstancesRequest, Tag, TagSpecification } from "../generated/types.js";
import { resolveLaunchTemplate, type ResolvedTemplate } from "./launchTemplates.js";

export interface LaunchRequest {
  request: RunInstancesRequest;
  /** The template the instances come from, for their `aws:ec2launchtemplate:*` tags. */
  template?: ResolvedTemplate;
}

/**
 * Launch template data in RunInstances' words: the same members, the RAM disk named otherwise;
 * elastic GPUs (ended in 2024) and attribute-based instance requirements are not launched from.
 */
function templateAsRequest(data: ResponseLaunchTemplateData): Partial<RunInstancesRequest> {
  const { RamDiskId, ElasticGpuSpecifications, InstanceRequirements, Operator, TagSpecifications, ...same } = data;
  void ElasticGpuSpecifications;
  void InstanceRequirements;
  void Operator;
  return {
    ...(same as Partial<RunInstancesRequest>),
    ...(RamDiskId !== undefined ? { RamdiskId: RamDiskId } : {}),
    ...(TagSpecifications ? { TagSpecifications: TagSpecifications as TagSpecification[] } : {}),
  };
}

/** The template's tags and the request's, per resource type; the request's value wins for a key in both. */
function mergeTagSpecifications(fromTemplate: TagSpecification[] = [], fromRequest: TagSpecification[] = []): TagSpecification[] {
  const byType = new Map<string, Map<string, Tag>>();
  for (const spec of [...fromTemplate, ...fromRequest]) {
    const type = spec.ResourceType ?? "";
    const tags = byType.get(type) ?? new Map<string, Tag>();
    for (const t of spec.Tags ?? []) tags.set(t.Key ?? "", t);
    byType.set(type, tags);
  }
  return [...byType].map(([type, tags]) => ({ ResourceType: type as TagSpecification["ResourceType"], Tags: [...tags.values()] }));
}

/**
 * The request's subnet and security groups go into the template's primary network interface when
 * the template launches through one (what Auto Scaling does with the group's subnets): an instance
 * cannot take both instance-level and interface-level ones.
 */
function intoTemplateInterface(merged: RunInstancesRequest, input: RunInstancesRequest, fromTemplate: Partial<RunInstancesRequest>): void {
  if (input.NetworkInterfaces || !fromTemplate.NetworkInterfaces?.length) return;
  const primary = merged.NetworkInterfaces!.find((n) => (n.DeviceIndex ?? 0) === 0);
  if (!primary) return;
  if (input.SubnetId !== undefined) {
    primary.SubnetId = input.SubnetId;
    delete merged.SubnetId;
  }
  if (input.SecurityGroupIds?.length) {
    primary.Groups = [...input.SecurityGroupIds];
    delete merged.SecurityGroupIds;
  }
}

export function applyLaunchTemplate(state: Ec2State, input: RunInstancesRequest): LaunchRequest {
  if (!input.LaunchTemplate) return { request: input };
  const template = resolveLaunchTemplate(state, input.LaunchTemplate);
  const fromTemplate = templateAsRequest(template.data);
  const own = Object.fromEntries(Object.entries(input).filter(([k, v]) => v !== undefined && k !== "LaunchTemplate")) as Partial<RunInstancesRequest>;
  const merged = { ...structuredClone(fromTemplate), ...own } as RunInstancesRequest;
  if (fromTemplate.TagSpecifications || input.TagSpecifications) merged.TagSpecifications = mergeTagSpecifications(fromTemplate.TagSpecifications, input.TagSpecifications);
  intoTemplateInterface(merged, input, fromTemplate);
  return { request: merged, template };
}

/** The tags EC2 adds to an instance launched from a template, before the user's. */
export function templateTags(template: ResolvedTemplate | undefined): Tag[] {
  if (!template) return [];
  return [
    { Key: "aws:ec2launchtemplate:id", Value: template.launchTemplateId },
    { Key: "aws:ec2launchtemplate:version", Value: String(template.versionNumber) },
  ];
}
