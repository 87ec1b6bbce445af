import type { Handler } from "../context.js";
import { requireImage } from "../domain/images.js";
import { findRepository } from "../domain/repositories.js";
import { scanFindings, scanNotFound, scanStatus } from "../domain/scans.js";

/** The image's last scan: its status, and once complete its findings (none: there is no vulnerability database offline). */
export const describeImageScanFindings: Handler<"DescribeImageScanFindings"> = (input, ctx) => {
  const repo = findRepository(ctx, input.repositoryName, input.registryId);
  const image = requireImage(ctx, repo, input.imageId);
  if (!image.scan) throw scanNotFound(ctx, repo, image, input.imageId.imageTag);
  const findings = scanFindings(image);
  return {
    registryId: ctx.state.accountId,
    repositoryName: repo.name,
    imageId: { imageDigest: image.digest, ...(input.imageId.imageTag !== undefined ? { imageTag: input.imageId.imageTag } : {}) },
    imageScanStatus: scanStatus(image),
    ...(findings ? { imageScanFindings: findings } : {}),
  };
};
