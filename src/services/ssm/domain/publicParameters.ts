// The public parameters Amazon publishes in every region that ECS deployments read: the ECS-optimized
// AMIs, Bottlerocket's ECS variant and the latest Amazon Linux AMIs, built from EC2's public image
// catalog on first use in a region. Read-only, readable by every account, with ARNs without an account.
import { AL1_RELEASE, AL2_RELEASE, AL2023_RELEASE, BOTTLEROCKET_VERSION, publicImageId } from "../../ec2/domain/publicImages.js";
import type { ParameterRecord } from "../store.js";
import { ecsParameters } from "./publicEcs.js";
import { parameterKey } from "./names.js";

export interface PublicParameterData {
  name: string;
  value: string;
  version: number;
  /** Epoch seconds. */
  lastModifiedDate: number;
}

// [parameter, image, version, last modified]: as GetParametersByPath answered for us-east-1 at these releases.
const AMAZON_LINUX: [string, string, number, number][] = [
  ["al2023-ami-kernel-6.1-arm64", `al2023-ami-${AL2023_RELEASE}-kernel-6.1-arm64`, 154, 1785180974.837],
  ["al2023-ami-kernel-6.1-x86_64", `al2023-ami-${AL2023_RELEASE}-kernel-6.1-x86_64`, 182, 1785180975.108],
  ["al2023-ami-kernel-6.12-arm64", `al2023-ami-${AL2023_RELEASE}-kernel-6.12-arm64`, 136, 1785180979.037],
  ["al2023-ami-kernel-6.12-x86_64", `al2023-ami-${AL2023_RELEASE}-kernel-6.12-x86_64`, 136, 1785180979.287],
  ["al2023-ami-kernel-6.18-arm64", `al2023-ami-${AL2023_RELEASE}-kernel-6.18-arm64`, 62, 1785180979.553],
  ["al2023-ami-kernel-6.18-x86_64", `al2023-ami-${AL2023_RELEASE}-kernel-6.18-x86_64`, 62, 1785180979.832],
  ["al2023-ami-kernel-default-arm64", `al2023-ami-${AL2023_RELEASE}-kernel-6.1-arm64`, 154, 1785180978.479],
  ["al2023-ami-kernel-default-x86_64", `al2023-ami-${AL2023_RELEASE}-kernel-6.1-x86_64`, 182, 1785180978.767],
  ["al2023-ami-minimal-kernel-6.1-arm64", `al2023-ami-minimal-${AL2023_RELEASE}-kernel-6.1-arm64`, 182, 1785180976.625],
  ["al2023-ami-minimal-kernel-6.1-x86_64", `al2023-ami-minimal-${AL2023_RELEASE}-kernel-6.1-x86_64`, 182, 1785180976.959],
  ["al2023-ami-minimal-kernel-6.12-arm64", `al2023-ami-minimal-${AL2023_RELEASE}-kernel-6.12-arm64`, 136, 1785180980.707],
  ["al2023-ami-minimal-kernel-6.12-x86_64", `al2023-ami-minimal-${AL2023_RELEASE}-kernel-6.12-x86_64`, 136, 1785180980.997],
  ["al2023-ami-minimal-kernel-6.18-arm64", `al2023-ami-minimal-${AL2023_RELEASE}-kernel-6.18-arm64`, 62, 1785180981.314],
  ["al2023-ami-minimal-kernel-6.18-x86_64", `al2023-ami-minimal-${AL2023_RELEASE}-kernel-6.18-x86_64`, 62, 1785180981.582],
  ["al2023-ami-minimal-kernel-default-arm64", `al2023-ami-minimal-${AL2023_RELEASE}-kernel-6.1-arm64`, 182, 1785180980.114],
  ["al2023-ami-minimal-kernel-default-x86_64", `al2023-ami-minimal-${AL2023_RELEASE}-kernel-6.1-x86_64`, 182, 1785180980.419],
  ["amzn-ami-hvm-x86_64-ebs", `amzn-ami-hvm-${AL1_RELEASE}-x86_64-ebs`, 73, 1703011709.645],
  ["amzn-ami-hvm-x86_64-gp2", `amzn-ami-hvm-${AL1_RELEASE}-x86_64-gp2`, 73, 1703011709.881],
  ["amzn-ami-minimal-hvm-x86_64-ebs", `amzn-ami-minimal-hvm-${AL1_RELEASE}-x86_64-ebs`, 73, 1703011710.323],
  ["amzn-ami-pv-x86_64-ebs", `amzn-ami-pv-${AL1_RELEASE}-x86_64-ebs`, 73, 1703011711.255],
  ["amzn2-ami-hvm-arm64-gp2", `amzn2-ami-hvm-${AL2_RELEASE}-arm64-gp2`, 188, 1785200045.909],
  ["amzn2-ami-hvm-x86_64-ebs", `amzn2-ami-hvm-${AL2_RELEASE}-x86_64-ebs`, 201, 1785200046.236],
  ["amzn2-ami-hvm-x86_64-gp2", `amzn2-ami-hvm-${AL2_RELEASE}-x86_64-gp2`, 202, 1785200046.562],
  ["amzn2-ami-kernel-4.14-hvm-arm64-gp2", `amzn2-ami-hvm-${AL2_RELEASE}-arm64-gp2`, 40, 1785200048.819],
  ["amzn2-ami-kernel-4.14-hvm-x86_64-ebs", `amzn2-ami-hvm-${AL2_RELEASE}-x86_64-ebs`, 40, 1785200049.086],
  ["amzn2-ami-kernel-4.14-hvm-x86_64-gp2", `amzn2-ami-hvm-${AL2_RELEASE}-x86_64-gp2`, 40, 1785200049.371],
  ["amzn2-ami-kernel-5.10-hvm-arm64-gp2", `amzn2-ami-kernel-5.10-hvm-${AL2_RELEASE}-arm64-gp2`, 154, 1785200046.86],
  ["amzn2-ami-kernel-5.10-hvm-x86_64-ebs", `amzn2-ami-kernel-5.10-hvm-${AL2_RELEASE}-x86_64-ebs`, 154, 1785200047.17],
  ["amzn2-ami-kernel-5.10-hvm-x86_64-gp2", `amzn2-ami-kernel-5.10-hvm-${AL2_RELEASE}-x86_64-gp2`, 154, 1785200047.468],
  ["amzn2-ami-kernel-default-hvm-arm64-gp2", `amzn2-ami-kernel-5.10-hvm-${AL2_RELEASE}-arm64-gp2`, 39, 1785200049.644],
  ["amzn2-ami-kernel-default-hvm-x86_64-ebs", `amzn2-ami-kernel-5.10-hvm-${AL2_RELEASE}-x86_64-ebs`, 39, 1785200049.982],
  ["amzn2-ami-kernel-default-hvm-x86_64-gp2", `amzn2-ami-kernel-5.10-hvm-${AL2_RELEASE}-x86_64-gp2`, 39, 1785200050.257],
  ["amzn2-ami-minimal-hvm-arm64-ebs", `amzn2-ami-minimal-hvm-${AL2_RELEASE}-arm64-ebs`, 188, 1785200047.746],
  ["amzn2-ami-minimal-hvm-x86_64-ebs", `amzn2-ami-minimal-hvm-${AL2_RELEASE}-x86_64-ebs`, 201, 1785200048.02],
  ["amzn2-ami-minimal-kernel-4.14-hvm-arm64-ebs", `amzn2-ami-minimal-hvm-${AL2_RELEASE}-arm64-ebs`, 40, 1785200050.532],
  ["amzn2-ami-minimal-kernel-4.14-hvm-x86_64-ebs", `amzn2-ami-minimal-hvm-${AL2_RELEASE}-x86_64-ebs`, 40, 1785200050.791],
  ["amzn2-ami-minimal-kernel-5.10-hvm-arm64-gp2", `amzn2-ami-minimal-kernel-5.10-hvm-${AL2_RELEASE}-arm64-gp2`, 38, 1785200048.278],
  ["amzn2-ami-minimal-kernel-5.10-hvm-x86_64-gp2", `amzn2-ami-minimal-kernel-5.10-hvm-${AL2_RELEASE}-x86_64-gp2`, 38, 1785200048.562],
  ["amzn2-ami-minimal-kernel-default-hvm-arm64-gp2", `amzn2-ami-minimal-kernel-5.10-hvm-${AL2_RELEASE}-arm64-gp2`, 37, 1785200051.066],
  ["amzn2-ami-minimal-kernel-default-hvm-x86_64-gp2", `amzn2-ami-minimal-kernel-5.10-hvm-${AL2_RELEASE}-x86_64-gp2`, 37, 1785200051.417],
];

function amazonLinuxParameters(region: string): PublicParameterData[] {
  return AMAZON_LINUX.map(([name, image, version, lastModifiedDate]) => ({
    name: `/aws/service/ami-amazon-linux-latest/${name}`,
    value: publicImageId(region, image),
    version,
    lastModifiedDate,
  }));
}

/** Bottlerocket publishes `<version>/…` for each release and promotes it to `latest/…` (pubsys). Chosen: the dates and versions. */
function bottlerocketParameters(region: string): PublicParameterData[] {
  const published = Date.UTC(2025, 6, 1) / 1000;
  return ["x86_64", "arm64"].flatMap((arch) => {
    const imageId = publicImageId(region, `bottlerocket-aws-ecs-2-${arch}-v${BOTTLEROCKET_VERSION}`);
    const base = `/aws/service/bottlerocket/aws-ecs-2/${arch}`;
    return [
      { name: `${base}/latest/image_id`, value: imageId, version: 42, lastModifiedDate: published },
      { name: `${base}/latest/image_version`, value: BOTTLEROCKET_VERSION, version: 42, lastModifiedDate: published },
      { name: `${base}/${BOTTLEROCKET_VERSION}/image_id`, value: imageId, version: 1, lastModifiedDate: published },
      { name: `${base}/${BOTTLEROCKET_VERSION}/image_version`, value: BOTTLEROCKET_VERSION, version: 1, lastModifiedDate: published },
    ];
  });
}

function record(p: PublicParameterData): ParameterRecord {
  const version = { version: p.version, type: "String" as const, value: p.value, tier: "Standard" as const, dataType: "text", lastModifiedDate: p.lastModifiedDate, lastModifiedUser: "", labels: [] };
  return { name: p.name, versions: [version], tags: [] };
}

const byRegion = new Map<string, Map<string, ParameterRecord>>();

/** Every public parameter of a region by key, sorted by name; built the first time a region asks. */
export function publicParameters(region: string): Map<string, ParameterRecord> {
  let tree = byRegion.get(region);
  if (!tree) {
    const all = [...ecsParameters(region), ...bottlerocketParameters(region), ...amazonLinuxParameters(region)].sort((a, b) => (a.name < b.name ? -1 : 1));
    tree = new Map(all.map((p) => [parameterKey(p.name), record(p)]));
    byRegion.set(region, tree);
  }
  return tree;
}

/** Public parameters live under /aws/: nothing else is looked up there. */
export function isPublicName(name: string): boolean {
  return name.startsWith("/aws/");
}
