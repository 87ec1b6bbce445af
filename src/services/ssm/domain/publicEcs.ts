// The ECS-optimized AMI parameters Amazon publishes in every region (/aws/service/ecs/optimized-ami/…)
// for the release of the public image catalog, shaped as the real tree is: each variant's `recommended`
// JSON document and one parameter per field of it, and the release's own parameter. Sources and the
// chosen versions and dates: FIDELITY.md, "Systems Manager Parameter Store".
import { ECS_AMI_RELEASE, publicImageId } from "../../ec2/domain/publicImages.js";
import type { PublicParameterData } from "./publicParameters.js";

const ROOT = "/aws/service/ecs/optimized-ami";
/** amazon-ecs-ami release-al2023.auto.pkrvars.hcl / release-al2.auto.pkrvars.hcl of the release. */
const AGENT_VERSION = "1.106.1";
const RUNTIME_VERSION = "Docker version 25.0.16";
const AL2023_SOURCE = "al2023-ami-minimal-2023.12.20260817.0-kernel-6.1-";
const AL2_SOURCE = "amzn2-ami-minimal-hvm-2.0.20260817.0-";
/** Chosen: the day after the release's build, and versions of the order real parameters show. */
const PUBLISHED = Date.UTC(2026, 7, 21) / 1000;
const RECOMMENDED_VERSIONS = { al2023: 143, al2: 231 };

interface Variant {
  path: string;
  image: string;
  os: "Amazon Linux 2023" | "Amazon Linux 2";
  source: string;
}

function variants(): Variant[] {
  const v = ECS_AMI_RELEASE;
  const al2023 = (path: string, image: string, arch: string): Variant => ({ path: `amazon-linux-2023${path}`, image, os: "Amazon Linux 2023", source: `${AL2023_SOURCE}${arch}` });
  const al2 = (path: string, kernel: string, variant: string, arch: string): Variant => ({
    path: `amazon-linux-2${path}`,
    image: `amzn2-ami-ecs-${kernel}${variant}hvm-2.0.${v}-${arch}-ebs`,
    os: "Amazon Linux 2",
    source: `${AL2_SOURCE}${arch}-ebs`,
  });
  return [
    al2023("", `al2023-ami-ecs-hvm-2023.0.${v}-kernel-6.1-x86_64`, "x86_64"),
    al2023("/arm64", `al2023-ami-ecs-hvm-2023.0.${v}-kernel-6.1-arm64`, "arm64"),
    al2023("/gpu", `al2023-ami-ecs-gpu-hvm-2023.0.${v}-kernel-6.1-x86_64-ebs`, "x86_64"),
    al2023("/neuron", `al2023-ami-ecs-neuron-hvm-2023.0.${v}-kernel-6.1-x86_64`, "x86_64"),
    al2("", "", "", "x86_64"),
    al2("/arm64", "", "", "arm64"),
    al2("/gpu", "", "gpu-", "x86_64"),
    al2("/inf", "", "inf-", "x86_64"),
    al2("/kernel-5.10", "kernel-5.10-", "", "x86_64"),
    al2("/kernel-5.10/arm64", "kernel-5.10-", "", "arm64"),
    al2("/kernel-5.10/gpu", "kernel-5.10-", "gpu-", "x86_64"),
    al2("/kernel-5.10/inf", "kernel-5.10-", "inf-", "x86_64"),
  ];
}

/** The `recommended` document: compact JSON, its keys in this order (as real values show them). */
function document(variant: Variant, imageId: string): Record<string, string | number> {
  return {
    ecs_agent_version: AGENT_VERSION,
    ecs_runtime_version: RUNTIME_VERSION,
    image_id: imageId,
    image_name: variant.image,
    image_version: variant.os === "Amazon Linux 2023" ? `2023.0.${ECS_AMI_RELEASE}` : `2.0.${ECS_AMI_RELEASE}`,
    os: variant.os,
    schema_version: 1,
    source_image_name: variant.source,
  };
}

export function ecsParameters(region: string): PublicParameterData[] {
  const out: PublicParameterData[] = [];
  for (const variant of variants()) {
    const imageId = publicImageId(region, variant.image);
    const doc = document(variant, imageId);
    const version = variant.os === "Amazon Linux 2023" ? RECOMMENDED_VERSIONS.al2023 : RECOMMENDED_VERSIONS.al2;
    const base = `${ROOT}/${variant.path}`;
    out.push({ name: `${base}/recommended`, value: JSON.stringify(doc), version, lastModifiedDate: PUBLISHED });
    for (const [field, value] of Object.entries(doc)) out.push({ name: `${base}/recommended/${field}`, value: String(value), version, lastModifiedDate: PUBLISHED });
    // A release's own parameter: named after the image for AL2023, after its id for AL2 (as the real trees are).
    const release = `${base}/${variant.os === "Amazon Linux 2023" ? variant.image : imageId}`;
    out.push({ name: release, value: JSON.stringify(doc), version: 1, lastModifiedDate: PUBLISHED });
    out.push({ name: `${release}/image_id`, value: imageId, version: 1, lastModifiedDate: PUBLISHED });
  }
  return out;
}
