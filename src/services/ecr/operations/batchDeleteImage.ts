import type { Handler } from "../context.js";
import { findImage, imageIds, listedBy, removeImage } from "../domain/images.js";
import { scheduleLifecycle } from "../domain/lifecycleTimer.js";
import { findRepository } from "../domain/repositories.js";
import type { ImageFailure, ImageIdentifier } from "../generated/types.js";

const DIGEST = /^[a-zA-Z0-9\-_+.]+:[a-fA-F0-9]+$/;

/**
 * A tag alone removes that tag (the image goes with its last one); a digest removes the image and
 * every tag (the model's documentation). Each id that cannot be deleted is a failure in moto's words;
 * an image a manifest list in the repository names stays (ImageReferencedByManifestList).
 */
export const batchDeleteImage: Handler<"BatchDeleteImage"> = (input, ctx) => {
  const repo = findRepository(ctx, input.repositoryName, input.registryId);
  const imageIdsOut: ImageIdentifier[] = [];
  const failures: ImageFailure[] = [];
  for (const id of input.imageIds) {
    if (id.imageDigest === undefined && id.imageTag === undefined) {
      failures.push({ imageId: {}, failureCode: "MissingDigestAndTag", failureReason: "Invalid request parameters: both tag and digest cannot be null" });
      continue;
    }
    if (id.imageDigest !== undefined && !DIGEST.test(id.imageDigest)) {
      failures.push({ imageId: id, failureCode: "InvalidImageDigest", failureReason: "Invalid request parameters: image digest should satisfy the regex '[a-zA-Z0-9-_+.]+:[a-fA-F0-9]+'" });
      continue;
    }
    const image = findImage(repo, id);
    if (!image) {
      failures.push({ imageId: id, failureCode: "ImageNotFound", failureReason: "Requested image not found" });
      continue;
    }
    const whole = id.imageDigest !== undefined || image.tags.length <= 1;
    const lists = listedBy(repo, image.digest);
    if (whole && lists.length) {
      failures.push({ imageId: id, failureCode: "ImageReferencedByManifestList", failureReason: `Requested image referenced by manifest list: [${lists.map((l) => l.digest).join(", ")}]` });
      continue;
    }
    if (whole) {
      imageIdsOut.push(...imageIds(image));
      removeImage(repo, image);
    } else {
      imageIdsOut.push({ imageDigest: image.digest, imageTag: id.imageTag });
      image.tags = image.tags.filter((t) => t !== id.imageTag);
    }
  }
  scheduleLifecycle(ctx.backend, ctx.state, repo);
  return { imageIds: imageIdsOut, failures };
};
