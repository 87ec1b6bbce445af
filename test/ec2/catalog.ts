// Images of Amazon's public catalog (src/services/ec2/domain/publicImages.ts) the EC2 tests launch
// and describe, by name, with their ids in us-east-1.
import { AL1_RELEASE, AL2023_RELEASE, ECS_AMI_RELEASE, publicImageId, publicImageNamed } from "../../src/services/ec2/domain/publicImages.js";

export const ECS_AL2023_X86 = `al2023-ami-ecs-hvm-2023.0.${ECS_AMI_RELEASE}-kernel-6.1-x86_64`;
export const ECS_AL2023_ARM = `al2023-ami-ecs-hvm-2023.0.${ECS_AMI_RELEASE}-kernel-6.1-arm64`;
export const ECS_AL2_ARM = `amzn2-ami-ecs-hvm-2.0.${ECS_AMI_RELEASE}-arm64-ebs`;
export const AL2023 = `al2023-ami-${AL2023_RELEASE}-kernel-6.1-x86_64`;
/** Made 2023-12-18: deprecated two years on, before the tests' clock (2026-01-01). */
export const AL1_GP2 = `amzn-ami-hvm-${AL1_RELEASE}-x86_64-gp2`;
export const AL1_EBS = `amzn-ami-hvm-${AL1_RELEASE}-x86_64-ebs`;
export const BOTTLEROCKET_X86 = "bottlerocket-aws-ecs-2-x86_64-v1.42.0-5ed15786";

/** The id of a catalog image in the region; throws when the catalog lacks it (a test would mean nothing). */
export function imageId(name: string, region = "us-east-1"): string {
  if (!publicImageNamed(name)) throw new Error(`the public image catalog has no ${name}`);
  return publicImageId(region, name);
}
