import { AwsError } from "../../../protocol/errors.js";
import { defineTimer } from "../../../engine/timers.js";
import type { Handler } from "../context.js";
import type { BlockDeviceMapping, Image } from "../generated/types.js";
import { ec2Id } from "../domain/ids.js";
import { checkNewImageName } from "../domain/images.js";
import { findInstances } from "../domain/instanceIds.js";
import { checkTagSpecifications, putTags, tagsFor } from "../domain/tags.js";

/**
 * An image of a running or stopped instance: a snapshot of each of its volumes (NoDevice leaves one
 * out), `pending` until the clock has taken as long as an instance's launch, then `available`.
 */
export const createImage: Handler<"CreateImage"> = (input, ctx) => {
  const { state, backend } = ctx;
  const [rec] = findInstances(state, [input.InstanceId]);
  const i = rec.instance;
  if (i.State?.Name !== "running" && i.State?.Name !== "stopped") {
    throw new AwsError("IncorrectInstanceState", `The instance '${i.InstanceId}' is not in a state from which an image can be created.`);
  }
  checkNewImageName(state, input.Name);
  checkTagSpecifications(input.TagSpecifications, ["image", "snapshot"]);
  const left = new Set((input.BlockDeviceMappings ?? []).filter((m) => m.NoDevice !== undefined).map((m) => m.DeviceName));
  const mappings: BlockDeviceMapping[] = (i.BlockDeviceMappings ?? [])
    .filter((m) => !left.has(m.DeviceName))
    .map((m) => {
      const v = state.volumes.get(m.Ebs?.VolumeId ?? "");
      return {
        DeviceName: m.DeviceName,
        Ebs: {
          DeleteOnTermination: m.Ebs?.DeleteOnTermination ?? true,
          SnapshotId: ec2Id(state.ids, "snap"),
          VolumeSize: v?.Size ?? 8,
          VolumeType: v?.VolumeType ?? "gp2",
          ...(v?.Iops !== undefined ? { Iops: v.Iops } : {}),
          ...(v?.Throughput !== undefined ? { Throughput: v.Throughput } : {}),
          Encrypted: v?.Encrypted ?? false,
        },
      };
    });
  const id = ec2Id(state.ids, "ami");
  const image: Image = {
    Architecture: i.Architecture,
    CreationDate: new Date(ctx.now() * 1000).toISOString(),
    ImageId: id,
    ImageLocation: `${state.accountId}/${input.Name}`,
    ImageType: "machine",
    Public: false,
    OwnerId: state.accountId,
    PlatformDetails: i.PlatformDetails ?? "Linux/UNIX",
    UsageOperation: i.UsageOperation ?? "RunInstances",
    State: "pending",
    BlockDeviceMappings: mappings,
    ...(input.Description !== undefined ? { Description: input.Description } : {}),
    EnaSupport: i.EnaSupport ?? true,
    Hypervisor: "xen",
    Name: input.Name,
    RootDeviceName: i.RootDeviceName,
    RootDeviceType: "ebs",
    SriovNetSupport: "simple",
    VirtualizationType: "hvm",
    ...(i.BootMode ? { BootMode: i.BootMode } : {}),
    ...(i.Platform ? { Platform: i.Platform } : {}),
    SourceInstanceId: i.InstanceId,
    DeregistrationProtection: "disabled",
  };
  state.images.set(id, image);
  putTags(state, id, tagsFor(input.TagSpecifications, "image"));
  backend.timeline.callAfter(backend.config.timings.instancePendingMs, AVAILABLE, image);
  return { ImageId: id };
};

const AVAILABLE = defineTimer("ec2.imageAvailable", (image: { State?: string }) => {
  if (image.State === "pending") image.State = "available";
});
