// A repository's images as ECR names and shows them: by tag or digest, one tag on one image at a
// time; ImageNotFoundException in ECR's words ("The image with imageId {imageDigest:'null',
// imageTag:'28f3d25'} does not exist within the repository with name 'x' in the registry with id
// '123456789012'", as DescribeImages answered it to users).
import type { EcrContext } from "../context.js";
import { ImageNotFoundException } from "../generated/errors.js";
import type { Image, ImageDetail, ImageIdentifier } from "../generated/types.js";
import type { ImageRecord, RepositoryRecord } from "../store.js";
import { scanSummary, scanStatus } from "./scans.js";

/** `{imageDigest:'…', imageTag:'…'}`, with `null` for what the id leaves out. */
export const imageIdText = (id: ImageIdentifier): string => `{imageDigest:'${id.imageDigest ?? "null"}', imageTag:'${id.imageTag ?? "null"}'}`;

export const imageNotFound = (id: ImageIdentifier, repo: RepositoryRecord, registry: string) =>
  new ImageNotFoundException(`The image with imageId ${imageIdText(id)} does not exist within the repository with name '${repo.name}' in the registry with id '${registry}'`);

export function imageByTag(repo: RepositoryRecord, tag: string): ImageRecord | undefined {
  for (const image of repo.images.values()) if (image.tags.includes(tag)) return image;
  return undefined;
}

/** The image an id names: its digest, its tag, or both (which must agree). */
export function findImage(repo: RepositoryRecord, id: ImageIdentifier): ImageRecord | undefined {
  const image = id.imageDigest !== undefined ? repo.images.get(id.imageDigest) : id.imageTag !== undefined ? imageByTag(repo, id.imageTag) : undefined;
  if (image && id.imageTag !== undefined && !image.tags.includes(id.imageTag)) return undefined;
  return image;
}

/** The image an id names, or ImageNotFoundException. */
export function requireImage(ctx: EcrContext, repo: RepositoryRecord, id: ImageIdentifier): ImageRecord {
  const image = findImage(repo, id);
  if (!image) throw imageNotFound(id, repo, ctx.state.accountId);
  return image;
}

/** The images a manifest list in the repository names: those cannot be deleted on their own. */
export function listedBy(repo: RepositoryRecord, digest: string): ImageRecord[] {
  return [...repo.images.values()].filter((i) => i.index && i.references.includes(digest));
}

/** An index's size: its largest image's that the repository holds (the model's documentation of imageSizeInBytes). */
export function imageSize(repo: RepositoryRecord, image: ImageRecord): number {
  if (!image.index) return image.size;
  return Math.max(0, ...image.references.map((d) => repo.images.get(d)?.size ?? 0));
}

export function imageView(ctx: EcrContext, repo: RepositoryRecord, image: ImageRecord, tag?: string): Image {
  return {
    registryId: ctx.state.accountId,
    repositoryName: repo.name,
    imageId: { imageDigest: image.digest, ...(tag !== undefined ? { imageTag: tag } : {}) },
    imageManifest: image.manifest,
    imageManifestMediaType: image.mediaType,
  };
}

export function imageDetail(ctx: EcrContext, repo: RepositoryRecord, image: ImageRecord): ImageDetail {
  const status = scanStatus(image);
  const summary = scanSummary(image);
  return {
    registryId: ctx.state.accountId,
    repositoryName: repo.name,
    imageDigest: image.digest,
    ...(image.tags.length ? { imageTags: [...image.tags] } : {}),
    imageSizeInBytes: imageSize(repo, image),
    imagePushedAt: image.pushedAt,
    ...(status ? { imageScanStatus: status } : {}),
    ...(summary ? { imageScanFindingsSummary: summary } : {}),
    imageManifestMediaType: image.mediaType,
    ...(image.artifactMediaType ? { artifactMediaType: image.artifactMediaType } : {}),
    ...(image.subject ? { subjectManifestDigest: image.subject } : {}),
  };
}

/** One id per tag of each image, an untagged image by its digest alone (ListImages, BatchDeleteImage). */
export function imageIds(image: ImageRecord): ImageIdentifier[] {
  return image.tags.length ? image.tags.map((t) => ({ imageDigest: image.digest, imageTag: t })) : [{ imageDigest: image.digest }];
}

/** ListImages' and DescribeImages' `tagStatus` filter. */
export function matchesTagStatus(image: ImageRecord, status: string | undefined): boolean {
  if (status === "TAGGED") return image.tags.length > 0;
  if (status === "UNTAGGED") return image.tags.length === 0;
  return true;
}

/** Removes an image with its tags, and cancels nothing else: a scan in progress finds it gone. */
export function removeImage(repo: RepositoryRecord, image: ImageRecord): void {
  repo.images.delete(image.digest);
}
