// Images of Amazon's public catalog the EC2 tests launch and describe: added to the catalog of the
// test's process (the server runs in it) when the catalog lacks them, before any lookup caches it.
import { PUBLIC_IMAGES, publicImageId, type PublicImage } from "../../src/services/ec2/domain/publicImages.js";

export const FIXTURES: PublicImage[] = [
  {
    name: "al2023-ami-ecs-hvm-2023.0.20251120-kernel-6.1-x86_64",
    description: "Amazon Linux AMI 2023.0.20251120 x86_64 ECS HVM EBS",
    architecture: "x86_64",
    creationDate: "2025-11-20T18:10:00.000Z",
    platformDetails: "Linux/UNIX",
    rootVolumeSize: 30,
    ecsOptimized: true,
  },
  {
    name: "al2023-ami-ecs-hvm-2023.0.20251120-kernel-6.1-arm64",
    description: "Amazon Linux AMI 2023.0.20251120 arm64 ECS HVM EBS",
    architecture: "arm64",
    creationDate: "2025-11-20T18:12:00.000Z",
    platformDetails: "Linux/UNIX",
    rootVolumeSize: 30,
    ecsOptimized: true,
  },
  {
    name: "amzn2-ami-ecs-hvm-2.0.20230109-x86_64-ebs",
    description: "Amazon Linux AMI 2.0.20230109 x86_64 ECS HVM GP2",
    architecture: "x86_64",
    creationDate: "2023-01-10T00:00:00.000Z",
    platformDetails: "Linux/UNIX",
    rootVolumeSize: 30,
    ecsOptimized: true,
  },
  {
    name: "al2023-ami-2023.9.20251117.1-kernel-6.1-x86_64",
    description: "Amazon Linux 2023 AMI 2023.9.20251117.1 x86_64 HVM kernel-6.1",
    architecture: "x86_64",
    creationDate: "2025-11-18T00:00:00.000Z",
    platformDetails: "Linux/UNIX",
    rootVolumeSize: 8,
    ecsOptimized: false,
  },
];

/** Makes sure the fixtures are in the catalog; answers their ids in `region` by name. */
export function ensureCatalog(region = "us-east-1"): Record<string, string> {
  const catalog = PUBLIC_IMAGES as PublicImage[];
  for (const f of FIXTURES) if (!catalog.some((p) => p.name === f.name)) catalog.push(f);
  return Object.fromEntries(FIXTURES.map((f) => [f.name, publicImageId(region, f.name)]));
}

export const ECS_AL2023_X86 = FIXTURES[0].name;
export const ECS_AL2023_ARM = FIXTURES[1].name;
export const ECS_AL2_OLD = FIXTURES[2].name;
export const AL2023 = FIXTURES[3].name;
