import type { Handler } from "../context.js";
import type { BlockDeviceMapping, Image } from "../generated/types.js";
import { ec2Id } from "../domain/ids.js";
import { checkNewImageName } from "../domain/images.js";
import { checkTagSpecifications, putTags, tagsFor } from "../domain/tags.js";

/** The mappings as DescribeImages shows them: EBS volumes with EC2's defaults filled in. */
function mappings(given: BlockDeviceMapping[] | undefined): BlockDeviceMapping[] {
  return (given ?? []).map((m) => {
    if (!m.Ebs) return { ...m };
    const { Encrypted, DeleteOnTermination, VolumeType, VolumeSize, ...rest } = m.Ebs;
    return { DeviceName: m.DeviceName, Ebs: { ...rest, DeleteOnTermination: DeleteOnTermination ?? true, VolumeSize: VolumeSize ?? 8, VolumeType: VolumeType ?? "gp2", Encrypted: Encrypted ?? false } };
  });
}

/**
 * Registers the account's own image. Snapshots are not modelled: the ids a block device mapping names
 * are taken as given, and a volume's size defaults to 8 GiB (see the fidelity notes).
 */
export const registerImage: Handler<"RegisterImage"> = (input, ctx) => {
  const { state } = ctx;
  checkNewImageName(state, input.Name);
  checkTagSpecifications(input.TagSpecifications, ["image", "snapshot"]);
  const blockDevices = mappings(input.BlockDeviceMappings);
  const instanceStore = input.ImageLocation !== undefined && !blockDevices.length;
  const id = ec2Id(state.ids, "ami");
  const image: Image = {
    Architecture: input.Architecture ?? "i386",
    CreationDate: new Date(ctx.now() * 1000).toISOString(),
    ImageId: id,
    ImageLocation: input.ImageLocation ?? `${state.accountId}/${input.Name}`,
    ImageType: "machine",
    Public: false,
    OwnerId: state.accountId,
    PlatformDetails: "Linux/UNIX",
    UsageOperation: "RunInstances",
    State: "available",
    BlockDeviceMappings: blockDevices,
    ...(input.Description !== undefined ? { Description: input.Description } : {}),
    EnaSupport: input.EnaSupport ?? false,
    Hypervisor: "xen",
    Name: input.Name,
    RootDeviceName: input.RootDeviceName ?? blockDevices[0]?.DeviceName ?? "/dev/sda1",
    RootDeviceType: instanceStore ? "instance-store" : "ebs",
    ...(input.SriovNetSupport !== undefined ? { SriovNetSupport: input.SriovNetSupport } : {}),
    VirtualizationType: (input.VirtualizationType as Image["VirtualizationType"]) ?? "paravirtual",
    ...(input.BootMode ? { BootMode: input.BootMode } : {}),
    ...(input.TpmSupport ? { TpmSupport: input.TpmSupport } : {}),
    ...(input.ImdsSupport ? { ImdsSupport: input.ImdsSupport } : {}),
    ...(input.KernelId ? { KernelId: input.KernelId } : {}),
    ...(input.RamdiskId ? { RamdiskId: input.RamdiskId } : {}),
    DeregistrationProtection: "disabled",
  };
  state.images.set(id, image);
  putTags(state, id, tagsFor(input.TagSpecifications, "image"));
  return { ImageId: id };
};
