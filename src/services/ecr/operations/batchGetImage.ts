import type { Handler } from "../context.js";
import { findImage, imageView } from "../domain/images.js";
import { findRepository } from "../domain/repositories.js";
import type { Image, ImageFailure } from "../generated/types.js";

/**
 * The manifests of the images named, each as it was pushed; one not found is a failure, "Requested
 * image not found" (moto's words, and ECR registry's for a missing manifest). `acceptedMediaTypes`
 * converts nothing here: a manifest is answered in its own media type.
 */
export const batchGetImage: Handler<"BatchGetImage"> = (input, ctx) => {
  const repo = findRepository(ctx, input.repositoryName, input.registryId);
  const images: Image[] = [];
  const failures: ImageFailure[] = [];
  for (const id of input.imageIds) {
    if (id.imageDigest === undefined && id.imageTag === undefined) {
      failures.push({ imageId: {}, failureCode: "MissingDigestAndTag", failureReason: "Invalid request parameters: both tag and digest cannot be null" });
      continue;
    }
    const image = findImage(repo, id);
    if (image) images.push(imageView(ctx, repo, image, id.imageTag));
    else failures.push({ imageId: id, failureCode: "ImageNotFound", failureReason: "Requested image not found" });
  }
  return { images, failures };
};
