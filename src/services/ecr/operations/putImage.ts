import type { Handler } from "../context.js";
import { imageView } from "../domain/images.js";
import { putImage as put } from "../domain/push.js";
import { findRepository } from "../domain/repositories.js";

export const putImage: Handler<"PutImage"> = (input, ctx) => {
  const repo = findRepository(ctx, input.repositoryName, input.registryId);
  const image = put(ctx, repo, { manifest: input.imageManifest, mediaType: input.imageManifestMediaType, tag: input.imageTag, digest: input.imageDigest });
  return { image: imageView(ctx, repo, image, input.imageTag) };
};
