import type { Handler } from "../context.js";
import { requireImage } from "../domain/images.js";
import { findRepository } from "../domain/repositories.js";
import { scanStatus, startScan } from "../domain/scans.js";

export const startImageScan: Handler<"StartImageScan"> = (input, ctx) => {
  const repo = findRepository(ctx, input.repositoryName, input.registryId);
  const image = requireImage(ctx, repo, input.imageId);
  startScan(ctx, image);
  return {
    registryId: ctx.state.accountId,
    repositoryName: repo.name,
    imageId: { imageDigest: image.digest, ...(input.imageId.imageTag !== undefined ? { imageTag: input.imageId.imageTag } : {}) },
    imageScanStatus: scanStatus(image),
  };
};
