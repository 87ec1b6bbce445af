// The images Amazon publishes in every region that ECS users launch: the ECS-optimized AMIs and the
// Amazon Linux ones, as EC2's DescribeImages shows them (owner `amazon`) and as Systems Manager's
// public parameters (`/aws/service/ecs/optimized-ami/…`, `/aws/service/ami-amazon-linux-latest/…`)
// name them. Real AMI ids differ per region and release and cannot be known offline: each image's
// id here is derived from its name and region, the same in every run.
import { createHash } from "node:crypto";

export interface PublicImage {
  /** The image's name as AWS gives it (`al2023-ami-ecs-hvm-2023.0.20241120-kernel-6.1-x86_64`). */
  name: string;
  description: string;
  architecture: "x86_64" | "arm64";
  /** ISO 8601, as DescribeImages answers `CreationDate`. */
  creationDate: string;
  platformDetails: string;
  /** The root device's snapshot size in GiB. */
  rootVolumeSize: number;
  /** True for the ECS-optimized images: the ECS agent starts on an instance launched from one. */
  ecsOptimized: boolean;
}

/** Filled in by the Systems Manager work (public parameters); the list every region shares. */
export const PUBLIC_IMAGES: readonly PublicImage[] = [];

/** An image's id in a region: `ami-` and 17 hex digits, stable across runs. */
export function publicImageId(region: string, name: string): string {
  return "ami-0" + createHash("sha256").update(`${region}/${name}`).digest("hex").slice(0, 16);
}

const byRegion = new Map<string, Map<string, PublicImage>>();

/** The public image with this id in the region, if there is one. */
export function publicImage(region: string, imageId: string): (PublicImage & { imageId: string }) | undefined {
  let ids = byRegion.get(region);
  if (!ids) {
    ids = new Map(PUBLIC_IMAGES.map((image) => [publicImageId(region, image.name), image]));
    byRegion.set(region, ids);
  }
  const image = ids.get(imageId);
  return image && { ...image, imageId };
}
