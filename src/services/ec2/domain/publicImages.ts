// The images Amazon publishes in every region that ECS users launch: the ECS-optimized AMIs and the
// Amazon Linux ones, as EC2's DescribeImages shows them (owner `amazon`) and as Systems Manager's
// public parameters (`/aws/service/ecs/optimized-ami/…`, `/aws/service/ami-amazon-linux-latest/…`)
// name them. Real AMI ids differ per region and release and cannot be known offline: each image's
// id here is derived from its name and region, the same in every run. Sources: FIDELITY.md, "Systems Manager Parameter Store".
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

/** The ECS-optimized release (github.com/aws/amazon-ecs-ami, CHANGELOG "20260820"). */
export const ECS_AMI_RELEASE = "20260820";
/** The Amazon Linux releases behind `/aws/service/ami-amazon-linux-latest/…`. */
export const AL2023_RELEASE = "2023.12.20260727.0";
export const AL2_RELEASE = "2.0.20260727.0";
export const AL1_RELEASE = "2018.03.0.20231218.0";
/** Bottlerocket's `aws-ecs-2` variant: `<version>-<commit>` as its `image_version` parameter says. */
export const BOTTLEROCKET_VERSION = "1.42.0-5ed15786";

function image(name: string, description: string, date: string, rootVolumeSize: number, ecsOptimized: boolean): PublicImage {
  const architecture = name.includes("arm64") ? "arm64" : "x86_64";
  return { name, description, architecture, creationDate: `${date}T00:00:00.000Z`, platformDetails: "Linux/UNIX", rootVolumeSize, ecsOptimized };
}

// Names and descriptions follow the packer templates of amazon-ecs-ami (al2*.pkr.hcl), as the
// release 20260226 shows them in DescribeImages; every ECS-optimized root volume is 30 GiB.
function ecsImages(): PublicImage[] {
  const v = ECS_AMI_RELEASE;
  const date = `${v.slice(0, 4)}-${v.slice(4, 6)}-${v.slice(6, 8)}`;
  const al2023 = (variant: string, arch: string, suffix = "") => image(`al2023-ami-ecs-${variant}hvm-2023.0.${v}-kernel-6.1-${arch}${suffix}`, `Amazon Linux AMI 2023.0.${v} ${arch} ECS HVM EBS`, date, 30, true);
  const al2 = (variant: string, arch: string, kernel = "") =>
    image(`amzn2-ami-ecs-${kernel ? "kernel-5.10-" : ""}${variant}hvm-2.0.${v}-${arch}-ebs`, `Amazon Linux AMI 2.0.${v} ${kernel}${arch} ECS HVM GP2`, date, 30, true);
  return [
    al2023("", "x86_64"),
    al2023("", "arm64"),
    al2023("gpu-", "x86_64", "-ebs"),
    al2023("neuron-", "x86_64"),
    al2("", "x86_64"),
    al2("", "arm64"),
    al2("gpu-", "x86_64"),
    al2("inf-", "x86_64"),
    al2("", "x86_64", "Kernel 5.10 "),
    al2("", "arm64", "Kernel 5.10 "),
    al2("gpu-", "x86_64", "Kernel 5.10 "),
    al2("inf-", "x86_64", "Kernel 5.10 "),
  ];
}

// As DescribeImages answers them for the releases named above; standard images have an 8 GiB root
// volume, minimal ones 2 GiB.
function amazonLinuxImages(): PublicImage[] {
  const al2023Date = "2026-07-27";
  const al2023 = (minimal: boolean, kernel: string, arch: string) =>
    image(
      `al2023-ami-${minimal ? "minimal-" : ""}${AL2023_RELEASE}-kernel-${kernel}-${arch}`,
      `Amazon Linux 2023 AMI ${AL2023_RELEASE} ${arch}${minimal ? " Minimal" : ""} HVM kernel-${kernel}`,
      al2023Date,
      minimal ? 2 : 8,
      false,
    );
  const al2 = (name: string, description: string, minimal = false) => image(name.replace("{v}", AL2_RELEASE), description.replace("{v}", AL2_RELEASE), al2023Date, minimal ? 2 : 8, false);
  const al1 = (name: string, description: string) => image(name.replace("{v}", AL1_RELEASE), description.replace("{v}", AL1_RELEASE), "2023-12-18", 8, false);
  const al2023All = ["6.1", "6.12", "6.18"].flatMap((k) => ["x86_64", "arm64"].flatMap((a) => [al2023(false, k, a), al2023(true, k, a)]));
  return [
    ...al2023All,
    al2("amzn2-ami-hvm-{v}-x86_64-gp2", "Amazon Linux 2 AMI {v} x86_64 HVM gp2"),
    al2("amzn2-ami-hvm-{v}-x86_64-ebs", "Amazon Linux 2 AMI {v} x86_64 HVM ebs"),
    al2("amzn2-ami-hvm-{v}-arm64-gp2", "Amazon Linux 2 LTS Arm64 AMI {v} arm64 HVM gp2"),
    al2("amzn2-ami-kernel-5.10-hvm-{v}-x86_64-gp2", "Amazon Linux 2 Kernel 5.10 AMI {v} x86_64 HVM gp2"),
    al2("amzn2-ami-kernel-5.10-hvm-{v}-x86_64-ebs", "Amazon Linux 2 Kernel 5.10 AMI {v} x86_64 HVM ebs"),
    al2("amzn2-ami-kernel-5.10-hvm-{v}-arm64-gp2", "Amazon Linux 2 LTS Arm64 Kernel 5.10 AMI {v} arm64 HVM gp2"),
    al2("amzn2-ami-minimal-hvm-{v}-x86_64-ebs", "Amazon Linux 2 AMI {v} x86_64 Minimal HVM ebs", true),
    al2("amzn2-ami-minimal-hvm-{v}-arm64-ebs", "Amazon Linux 2 LTS Arm64 AMI {v} arm64 Minimal HVM ebs", true),
    al2("amzn2-ami-minimal-kernel-5.10-hvm-{v}-x86_64-gp2", "Amazon Linux 2 Kernel 5.10 AMI {v} x86_64 Minimal HVM gp2", true),
    al2("amzn2-ami-minimal-kernel-5.10-hvm-{v}-arm64-gp2", "Amazon Linux 2 LTS Arm64 Kernel 5.10 AMI {v} arm64 Minimal HVM gp2", true),
    al1("amzn-ami-hvm-{v}-x86_64-gp2", "Amazon Linux AMI {v} x86_64 HVM gp2"),
    al1("amzn-ami-hvm-{v}-x86_64-ebs", "Amazon Linux AMI {v} x86_64 HVM ebs"),
    al1("amzn-ami-minimal-hvm-{v}-x86_64-ebs", "Amazon Linux AMI {v} x86_64 Minimal HVM ebs"),
    al1("amzn-ami-pv-{v}-x86_64-ebs", "Amazon Linux AMI {v} x86_64 PV ebs"),
  ];
}

function bottlerocketImages(): PublicImage[] {
  return ["x86_64", "arm64"].map((arch) => {
    const name = `bottlerocket-aws-ecs-2-${arch}-v${BOTTLEROCKET_VERSION}`;
    return image(name, name, "2025-07-01", 2, true);
  });
}

/** The list every region shares. */
export const PUBLIC_IMAGES: readonly PublicImage[] = [...ecsImages(), ...amazonLinuxImages(), ...bottlerocketImages()];

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

/** The public image of this name, if there is one. */
export function publicImageNamed(name: string): PublicImage | undefined {
  return PUBLIC_IMAGES.find((i) => i.name === name);
}
