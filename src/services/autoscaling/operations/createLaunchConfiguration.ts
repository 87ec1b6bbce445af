import type { Handler } from "../context.js";
import type { LaunchConfiguration } from "../generated/types.js";
import { launchConfigurationArn } from "../domain/arns.js";
import { asgErrors } from "../domain/errors.js";
import { callEc2 } from "../domain/peers.js";

const MAX_CONFIGURATIONS = 200;

/** From an instance (InstanceId), the instance's image, type, key and groups fill what the request leaves out. */
function fromInstance(ctx: Parameters<Handler<"CreateLaunchConfiguration">>[1], instanceId: string): Partial<LaunchConfiguration> {
  let inst;
  try {
    inst = callEc2(ctx.backend, ctx.state, "DescribeInstances", { InstanceIds: [instanceId] }).Reservations?.[0]?.Instances?.[0];
  } catch {
    inst = undefined;
  }
  if (!inst) throw asgErrors.validation(`Invalid instance id: ${instanceId}`);
  return {
    ImageId: inst.ImageId,
    InstanceType: inst.InstanceType,
    ...(inst.KeyName ? { KeyName: inst.KeyName } : {}),
    SecurityGroups: (inst.SecurityGroups ?? []).map((g: { GroupId: string }) => g.GroupId),
  };
}

export const createLaunchConfiguration: Handler<"CreateLaunchConfiguration"> = (input, ctx) => {
  const { state, backend } = ctx;
  const name = input.LaunchConfigurationName;
  if (state.launchConfigurations.has(name)) throw asgErrors.configurationExists(name);
  if (state.launchConfigurations.size >= MAX_CONFIGURATIONS) throw asgErrors.limit(`Max number of launch configurations reached (${MAX_CONFIGURATIONS}).`);
  // The profile must exist in IAM now (AWS checks it here; Terraform retries this error while IAM propagates).
  if (input.IamInstanceProfile !== undefined && !backend.peers.iam.instanceProfile(state.accountId, input.IamInstanceProfile)) throw asgErrors.validation(`Invalid IamInstanceProfile: ${input.IamInstanceProfile}`);
  const base = input.InstanceId !== undefined ? fromInstance(ctx, input.InstanceId) : {};
  const imageId = input.ImageId ?? base.ImageId;
  const instanceType = input.InstanceType ?? base.InstanceType;
  if (imageId === undefined || instanceType === undefined) throw asgErrors.validation("Valid requests must contain either the InstanceID parameter or both the ImageId and InstanceType parameters.");
  const lc: LaunchConfiguration = {
    LaunchConfigurationName: name,
    LaunchConfigurationARN: launchConfigurationArn(state, backend.ids.uuid(), name),
    ImageId: imageId,
    ...(input.KeyName ?? base.KeyName ? { KeyName: input.KeyName ?? base.KeyName } : {}),
    SecurityGroups: input.SecurityGroups ?? base.SecurityGroups ?? [],
    ClassicLinkVPCSecurityGroups: input.ClassicLinkVPCSecurityGroups ?? [],
    UserData: input.UserData ?? "",
    InstanceType: instanceType,
    // AWS answers "" for these when unset, which its own model forbids (min length 1): left out here.
    ...(input.KernelId ? { KernelId: input.KernelId } : {}),
    ...(input.RamdiskId ? { RamdiskId: input.RamdiskId } : {}),
    BlockDeviceMappings: input.BlockDeviceMappings ?? [],
    InstanceMonitoring: { Enabled: input.InstanceMonitoring?.Enabled ?? true },
    ...(input.SpotPrice !== undefined ? { SpotPrice: input.SpotPrice } : {}),
    ...(input.IamInstanceProfile !== undefined ? { IamInstanceProfile: input.IamInstanceProfile } : {}),
    CreatedTime: ctx.now(),
    EbsOptimized: input.EbsOptimized ?? false,
    ...(input.AssociatePublicIpAddress !== undefined ? { AssociatePublicIpAddress: input.AssociatePublicIpAddress } : {}),
    ...(input.PlacementTenancy !== undefined ? { PlacementTenancy: input.PlacementTenancy } : {}),
    ...(input.MetadataOptions !== undefined ? { MetadataOptions: input.MetadataOptions } : {}),
    ...(input.ClassicLinkVPCId !== undefined ? { ClassicLinkVPCId: input.ClassicLinkVPCId } : {}),
  };
  state.launchConfigurations.set(name, lc);
  return {};
};
