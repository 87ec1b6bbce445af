// Images an account can launch in a region: Amazon's public ones (the catalog in publicImages.ts, owned
// by the ECS or Amazon Linux accounts) and the account's own (RegisterImage), as DescribeImages shows
// them, and what a launch takes from an image (architecture, root device, billing, IMDS).
import { AwsError } from "../../../protocol/errors.js";
import type { Ec2State, ImageView } from "../context.js";
import type { Image } from "../generated/types.js";
import { stableId } from "./ids.js";
import { publicImage, publicImageId, PUBLIC_IMAGES, type PublicImage } from "./publicImages.js";

/** The account that publishes the ECS-optimized AMIs. */
export const ECS_IMAGES_OWNER = "591542846629";
/** The account that publishes the Amazon Linux AMIs. */
export const AMAZON_LINUX_OWNER = "137112412989";
/** The account that publishes Amazon's Windows AMIs (the ECS-optimized Windows ones included). */
export const WINDOWS_OWNER = "801119661308";

/** Amazon deprecates its public images two years after they are made, to the second. */
function deprecationTime(creationDate: string): string | undefined {
  const created = new Date(Date.parse(creationDate));
  if (!Number.isFinite(created.getTime())) return undefined;
  created.setUTCFullYear(created.getUTCFullYear() + 2);
  return created.toISOString();
}

function isWindows(p: Pick<PublicImage, "platformDetails">): boolean {
  return p.platformDetails.startsWith("Windows");
}

/** The account that publishes Bottlerocket's AMIs (recalled, not seen in a public answer: see the fidelity notes). */
export const BOTTLEROCKET_OWNER = "092701018921";

export function isBottlerocket(name: string): boolean {
  return name.startsWith("bottlerocket-");
}

function ownerOf(p: PublicImage): string {
  if (isBottlerocket(p.name)) return BOTTLEROCKET_OWNER;
  if (p.ecsOptimized) return ECS_IMAGES_OWNER;
  return isWindows(p) ? WINDOWS_OWNER : AMAZON_LINUX_OWNER;
}

/** The root volume, and for Bottlerocket its 20 GiB data volume (/dev/xvdb) beside a small root. */
function mappingsOf(region: string, p: PublicImage, rootDeviceName: string, volumeType: "gp2" | "gp3"): Image["BlockDeviceMappings"] {
  const root = { DeviceName: rootDeviceName, Ebs: { DeleteOnTermination: true, SnapshotId: stableId("snap", region, p.name), VolumeSize: p.rootVolumeSize, VolumeType: volumeType, Encrypted: false } };
  if (!isBottlerocket(p.name)) return [root];
  return [root, { DeviceName: "/dev/xvdb", Ebs: { DeleteOnTermination: true, SnapshotId: stableId("snap", region, p.name, "data"), VolumeSize: 20, VolumeType: volumeType, Encrypted: false } }];
}

/** A public image as DescribeImages answers it in `region`. */
export function publicImageView(region: string, p: PublicImage, imageId = publicImageId(region, p.name)): Image {
  const windows = isWindows(p);
  const rootDeviceName = windows ? "/dev/sda1" : "/dev/xvda";
  // AL2023 and Bottlerocket images require IMDSv2 and boot UEFI-preferred on x86.
  const modern = p.name.startsWith("al2023") || isBottlerocket(p.name);
  const deprecation = deprecationTime(p.creationDate);
  return {
    Architecture: p.architecture,
    CreationDate: p.creationDate,
    ImageId: imageId,
    ImageLocation: `amazon/${p.name}`,
    ImageType: "machine",
    Public: true,
    OwnerId: ownerOf(p),
    PlatformDetails: p.platformDetails,
    UsageOperation: windows ? "RunInstances:0002" : "RunInstances",
    State: "available",
    BlockDeviceMappings: mappingsOf(region, p, rootDeviceName, modern || windows ? "gp3" : "gp2"),
    Description: p.description,
    EnaSupport: true,
    Hypervisor: "xen",
    ImageOwnerAlias: "amazon",
    Name: p.name,
    RootDeviceName: rootDeviceName,
    RootDeviceType: "ebs",
    SriovNetSupport: "simple",
    VirtualizationType: "hvm",
    // The model's enum spells it `Windows` (real answers say `windows`); answers must fit the model.
    ...(windows ? { Platform: "Windows" as const } : {}),
    ...(p.architecture === "arm64" ? { BootMode: "uefi" as const } : modern ? { BootMode: "uefi-preferred" as const } : {}),
    ...(modern ? { ImdsSupport: "v2.0" as const } : {}),
    ...(deprecation ? { DeprecationTime: deprecation } : {}),
  };
}

export interface FoundImage {
  image: Image;
  /** True for Amazon's ECS-optimized images, on which the ECS agent starts. */
  ecsOptimized: boolean;
  /** The account's own (RegisterImage), not Amazon's. */
  own: boolean;
}

/** An image the account can launch, by id: its own first, then Amazon's. */
export function findImage(state: Ec2State, imageId: string): FoundImage | undefined {
  const own = state.images.get(imageId);
  if (own) return { image: own, ecsOptimized: false, own: true };
  const p = publicImage(state.region, imageId);
  return p && { image: publicImageView(state.region, p, imageId), ecsOptimized: p.ecsOptimized, own: false };
}

/** Every image DescribeImages may answer in the state's region: Amazon's, then the account's own. */
export function allImages(state: Ec2State): FoundImage[] {
  const region = state.region;
  return [
    ...PUBLIC_IMAGES.map((p) => ({ image: publicImageView(region, p), ecsOptimized: p.ecsOptimized, own: false })),
    ...[...state.images.values()].map((image) => ({ image, ecsOptimized: false, own: true })),
  ];
}

/** Deprecated when its deprecation time has passed (`now` in epoch seconds). */
export function isDeprecated(image: Image, now: number): boolean {
  return image.DeprecationTime !== undefined && Date.parse(image.DeprecationTime) <= now * 1000;
}

export const IMAGE_ID = /^ami-[0-9a-f]{8,17}$/;

/** An image as other services see it (EC2's `image` port): the account's own or Amazon's. */
export function imageView(state: Ec2State, imageId: string): ImageView | undefined {
  const found = findImage(state, imageId);
  if (!found) return undefined;
  return { imageId, name: found.image.Name ?? "", architecture: found.image.Architecture ?? "x86_64", ecsOptimized: found.ecsOptimized };
}

const IMAGE_NAME = /^[A-Za-z0-9()[\] ./\-'@_]{3,128}$/;

/** A name RegisterImage or CreateImage may give: well formed, and not one of the account's images'. */
export function checkNewImageName(state: Ec2State, name: string): void {
  if (!IMAGE_NAME.test(name)) {
    throw new AwsError("InvalidAMIName.Malformed", "AMI names must be between 3 and 128 characters long, and may contain letters, numbers, '(', ')', '.', '-', '/' and '_'");
  }
  for (const image of state.images.values()) if (image.Name === name) throw new AwsError("InvalidAMIName.Duplicate", `AMI name ${name} is already in use by AMI ${image.ImageId}`);
}
