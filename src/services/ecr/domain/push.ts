// Putting an image (PutImage, and every `docker push` through the registry): the manifest is kept
// as given, its digest computed from its bytes; a tag names one image at a time and moves to the new
// one unless the repository holds it immutable. A manifest put through the API must name blobs the
// repository's images already name (what a retag does); one the registry accepted was checked there.
import type { EcrContext } from "../context.js";
import { ImageAlreadyExistsException, ImageDigestDoesNotMatchException, ImageTagAlreadyExistsException, LayersNotFoundException, ReferencedImagesNotFoundException } from "../generated/errors.js";
import type { ImageRecord, RepositoryRecord } from "../store.js";
import { imageByTag } from "./images.js";
import { scheduleLifecycle } from "./lifecycleTimer.js";
import { parseManifest, type ParsedManifest } from "./manifests.js";
import { immutableTagText, tagImmutable } from "./mutability.js";
import { startScan } from "./scans.js";

export interface PutRequest {
  manifest: string;
  mediaType?: string;
  tag?: string;
  digest?: string;
}

function alreadyExists(ctx: EcrContext, repo: RepositoryRecord, digest: string, tag: string | undefined): ImageAlreadyExistsException {
  const what = tag === undefined ? `Image with digest '${digest}'` : `Image with digest '${digest}' and tag '${tag}'`;
  return new ImageAlreadyExistsException(`${what} already exists in the repository with name '${repo.name}' in registry with id '${ctx.state.accountId}'`);
}

/** What an API put must find in the repository already: an image's blobs, an index's images. */
function checkReferences(repo: RepositoryRecord, parsed: ParsedManifest): void {
  if (parsed.index) {
    const missing = parsed.references.filter((d) => !repo.images.has(d));
    if (missing.length) throw new ReferencedImagesNotFoundException(`The following manifests referenced by the image index do not exist in the repository: [${missing.join(", ")}]`);
    return;
  }
  const known = new Set([...repo.images.values()].filter((i) => !i.index).flatMap((i) => i.references));
  const missing = parsed.references.filter((d) => !known.has(d));
  if (missing.length) throw new LayersNotFoundException(`The following layers do not exist in the repository: [${missing.join(", ")}]`);
}

export function putImage(ctx: EcrContext, repo: RepositoryRecord, req: PutRequest): ImageRecord {
  const parsed = parseManifest(req.manifest, req.mediaType);
  if (req.digest !== undefined && req.digest !== parsed.digest) {
    throw new ImageDigestDoesNotMatchException(`Invalid parameter at 'imageDigest' failed to satisfy constraint: 'The provided image digest '${req.digest}' does not match the digest of the image manifest '${parsed.digest}''`);
  }
  const existing = repo.images.get(parsed.digest);
  const holder = req.tag === undefined ? undefined : imageByTag(repo, req.tag);
  if (existing && (req.tag === undefined || holder === existing)) throw alreadyExists(ctx, repo, parsed.digest, req.tag);
  if (holder && req.tag !== undefined && tagImmutable(repo, req.tag)) throw new ImageTagAlreadyExistsException(immutableTagText(repo.name, req.tag));
  if (!existing && ctx.request.via !== "registry") checkReferences(repo, parsed);
  if (holder && req.tag !== undefined) holder.tags = holder.tags.filter((t) => t !== req.tag);
  const image: ImageRecord = existing ?? {
    digest: parsed.digest,
    manifest: req.manifest,
    mediaType: parsed.mediaType,
    ...(parsed.artifactMediaType ? { artifactMediaType: parsed.artifactMediaType } : {}),
    tags: [],
    pushedAt: ctx.now(),
    size: parsed.size,
    references: parsed.references,
    index: parsed.index,
    ...(parsed.subject ? { subject: parsed.subject } : {}),
  };
  if (req.tag !== undefined) image.tags.push(req.tag);
  if (!existing) {
    repo.images.set(image.digest, image);
    if (repo.imageScanningConfiguration.scanOnPush && !image.index) startScan(ctx, image);
  }
  scheduleLifecycle(ctx.backend, ctx.state, repo);
  return image;
}
