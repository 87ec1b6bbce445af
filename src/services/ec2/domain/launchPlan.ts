// Everything RunInstances checks before it creates anything (a refused launch changes nothing): the
// type, the image and what the instance takes from it, where it goes, its key pair, instance
// profile, metadata options, block devices and the settings DescribeInstanceAttribute answers.
import { AwsError } from "../../../protocol/errors.js";
import type { Ec2Context } from "../context.js";
import type { GroupIdentifier, IamInstanceProfile, InstanceMetadataOptionsResponse, RunInstancesRequest } from "../generated/types.js";
import type { InstanceSettings } from "./computeState.js";
import { computeErrors } from "./computeErrors.js";
import { ec2Errors } from "./errors.js";
import { isImageAlias, resolveImageAlias } from "./imageAlias.js";
import { findImage, IMAGE_ID, type FoundImage } from "./images.js";
import { instanceTypeInfo, knownInstanceTypes, type InstanceTypeInfo } from "./instanceTypes.js";
import { checkInterfaceCombination, checkUserData, groupsFor, primaryInterface, subnetFor } from "./launchNetwork.js";
import type { ResolvedTemplate } from "./launchTemplates.js";
import { planDevices, type DevicePlan } from "./launchDevices.js";
import { defaultCredits, isBurstable } from "./credits.js";
import { checkTagSpecifications } from "./tags.js";

/** EC2's default when RunInstances names no type. */
const DEFAULT_TYPE = "m1.small";

export interface LaunchPlan {
  request: RunInstancesRequest;
  template?: ResolvedTemplate;
  type: string;
  info: InstanceTypeInfo;
  imageId: string;
  /** Undefined for a well-formed id EC2 here does not know (launched leniently, see the fidelity notes). */
  image?: FoundImage;
  subnetId: string;
  vpcId: string;
  groups: GroupIdentifier[];
  profile?: IamInstanceProfile;
  metadata: InstanceMetadataOptionsResponse;
  devices: DevicePlan;
  settings: InstanceSettings;
  /** Whether the primary interface asks for a public address (else its subnet decides). */
  associatePublicIp?: boolean;
}

function checkCounts(input: RunInstancesRequest): void {
  if (input.MinCount < 1) throw ec2Errors.invalidParameter(`Value (${input.MinCount}) for parameter minCount is invalid. Expected a positive integer.`);
  if (input.MaxCount < 1) throw ec2Errors.invalidParameter(`Value (${input.MaxCount}) for parameter maxCount is invalid. Expected a positive integer.`);
  if (input.MinCount > input.MaxCount) throw ec2Errors.invalidParameter(`Value (${input.MinCount}) for parameter minCount is invalid. Must be less than or equal to maxCount.`);
}

function imageFor(ctx: Ec2Context, imageId: string | undefined, info: InstanceTypeInfo): FoundImage | undefined {
  if (imageId === undefined) throw new AwsError("MissingParameter", "The request must contain the parameter ImageId");
  if (!IMAGE_ID.test(imageId)) throw computeErrors.imageMalformed(imageId);
  const image = findImage(ctx.state, imageId);
  const arch = image?.image.Architecture;
  if (arch && arch !== info.architecture) {
    throw ec2Errors.invalidParameter(
      `The architecture '${info.architecture}' of the specified instance type does not match the architecture '${arch}' of the specified AMI. Specify an instance type and an AMI that have matching architectures, and try again. You can use 'describe-instance-types' or 'describe-images' to discover the architecture of the instance type or AMI.`,
    );
  }
  return image;
}

/** The instance profile named by name or ARN, through IAM's port; EC2's refusal when IAM has none such. */
function profileFor(ctx: Ec2Context, spec: RunInstancesRequest["IamInstanceProfile"]): IamInstanceProfile | undefined {
  if (!spec || (spec.Arn === undefined && spec.Name === undefined)) return undefined;
  if (spec.Arn !== undefined && spec.Name !== undefined) throw ec2Errors.combination("The parameter 'iamInstanceProfile.name' may not be used in combination with 'iamInstanceProfile.arn'");
  const field = spec.Arn !== undefined ? "arn" : "name";
  const value = (spec.Arn ?? spec.Name)!;
  const found = ctx.backend.peers.iam.instanceProfile(ctx.state.accountId, value);
  if (!found) throw computeErrors.instanceProfile(value, field);
  return { Arn: found.arn, Id: found.id };
}

function metadataFor(input: RunInstancesRequest, image: FoundImage | undefined): InstanceMetadataOptionsResponse {
  const v2 = image?.image.ImdsSupport === "v2.0";
  const m = input.MetadataOptions ?? {};
  return {
    State: "applied",
    HttpTokens: m.HttpTokens ?? (v2 ? "required" : "optional"),
    HttpPutResponseHopLimit: m.HttpPutResponseHopLimit ?? (v2 ? 2 : 1),
    HttpEndpoint: m.HttpEndpoint ?? "enabled",
    HttpProtocolIpv6: m.HttpProtocolIpv6 ?? "disabled",
    InstanceMetadataTags: m.InstanceMetadataTags ?? "disabled",
  };
}

function settingsFor(input: RunInstancesRequest, type: string): InstanceSettings {
  const credits = input.CreditSpecification?.CpuCredits;
  if (credits !== undefined && credits !== "standard" && credits !== "unlimited") {
    throw ec2Errors.invalidParameter(`Value (${credits}) for parameter cpuCredits is invalid. Valid values: standard, unlimited`);
  }
  return {
    disableApiTermination: input.DisableApiTermination ?? false,
    disableApiStop: input.DisableApiStop ?? false,
    shutdownBehavior: input.InstanceInitiatedShutdownBehavior ?? "stop",
    ...(isBurstable(type) ? { cpuCredits: credits ?? defaultCredits(type) } : {}),
  };
}

export function planLaunch(ctx: Ec2Context, request: RunInstancesRequest, template?: ResolvedTemplate): LaunchPlan {
  const { state } = ctx;
  checkCounts(request);
  const type = request.InstanceType ?? DEFAULT_TYPE;
  const info = instanceTypeInfo(type);
  if (!info) throw new AwsError("Unsupported", `ecs-local does not know the instance type ${type}; it knows ${knownInstanceTypes().join(", ")}.`);
  const imageId = isImageAlias(request.ImageId) ? resolveImageAlias(ctx, request.ImageId) : request.ImageId;
  const image = imageFor(ctx, imageId, info);
  checkUserData(request.UserData);
  checkTagSpecifications(request.TagSpecifications, ["instance", "volume", "network-interface"]);
  checkInterfaceCombination(request);
  if (request.KeyName !== undefined && !state.keyPairs.has(request.KeyName)) throw computeErrors.keyPairNotFound(request.KeyName);
  const subnetId = subnetFor(state, request);
  const subnet = state.subnets.get(subnetId)!;
  const vpcId = subnet.subnet.VpcId!;
  const groups = groupsFor(state, request, vpcId);
  const profile = profileFor(ctx, request.IamInstanceProfile);
  const devices = planDevices(request.BlockDeviceMappings, image);
  const associate = primaryInterface(request)?.AssociatePublicIpAddress;
  return {
    request,
    ...(template ? { template } : {}),
    type,
    info,
    imageId: imageId!,
    ...(image ? { image } : {}),
    subnetId,
    vpcId,
    groups,
    ...(profile ? { profile } : {}),
    metadata: metadataFor(request, image),
    devices,
    settings: settingsFor(request, type),
    ...(associate !== undefined ? { associatePublicIp: associate } : {}),
  };
}
