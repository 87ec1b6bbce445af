// What ECR reads from an image manifest when it is put: its digest (of the bytes as given), media
// type, the blobs or manifests it names, and the size DescribeImages reports (the layers' compressed
// sizes, as the registry stores them: the model's documentation of `imageSizeInBytes`).
import { createHash } from "node:crypto";
import { InvalidParameterException } from "../generated/errors.js";

const INDEX_TYPES = new Set(["application/vnd.docker.distribution.manifest.list.v2+json", "application/vnd.oci.image.index.v1+json"]);
const SCHEMA1 = "application/vnd.docker.distribution.manifest.v1+json";

export interface ParsedManifest {
  digest: string;
  mediaType: string;
  artifactMediaType?: string;
  references: string[];
  /** The layers' sizes; an index's is worked out from its images. */
  size: number;
  index: boolean;
  subject?: string;
}

type Json = Record<string, unknown>;
const descriptors = (v: unknown): Json[] => (Array.isArray(v) ? v.filter((d): d is Json => typeof d === "object" && d !== null) : []);
const digestOf = (d: Json): string | undefined => (typeof d.digest === "string" ? d.digest : undefined);

export function manifestDigest(manifest: string): string {
  return `sha256:${createHash("sha256").update(manifest, "utf8").digest("hex")}`;
}

const invalid = (why: string) => new InvalidParameterException(`Invalid parameter at 'ImageManifest' failed to satisfy constraint: '${why}'`);

/**
 * Reads a manifest: refused as ECR refuses one that is not JSON ("Invalid JSON syntax", as moto
 * records it) or whose media type is neither in it nor given.
 */
export function parseManifest(manifest: string, givenMediaType: string | undefined): ParsedManifest {
  let doc: Json;
  try {
    const parsed: unknown = JSON.parse(manifest);
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw new Error("not an object");
    doc = parsed as Json;
  } catch {
    throw invalid("Invalid JSON syntax");
  }
  const inDoc = typeof doc.mediaType === "string" ? doc.mediaType : doc.schemaVersion === 1 ? SCHEMA1 : undefined;
  const mediaType = givenMediaType ?? inDoc;
  if (mediaType === undefined) throw new InvalidParameterException("image manifest mediatype not provided in manifest or parameter");
  if (givenMediaType !== undefined && inDoc !== undefined && givenMediaType !== inDoc) {
    throw new InvalidParameterException(`Invalid parameter at 'imageManifestMediaType' failed to satisfy constraint: 'The media type '${givenMediaType}' does not match the manifest's media type '${inDoc}''`);
  }
  const index = INDEX_TYPES.has(mediaType) || (Array.isArray(doc.manifests) && !Array.isArray(doc.layers));
  const subject = typeof doc.subject === "object" && doc.subject !== null ? digestOf(doc.subject as Json) : undefined;
  if (index) {
    const references = descriptors(doc.manifests).map(digestOf).filter((d): d is string => d !== undefined);
    return { digest: manifestDigest(manifest), mediaType, references, size: 0, index, ...(subject ? { subject } : {}) };
  }
  const config = typeof doc.config === "object" && doc.config !== null ? (doc.config as Json) : undefined;
  // Schema 1 names its layers as fsLayers (no sizes).
  const layers: Json[] = Array.isArray(doc.layers) ? descriptors(doc.layers) : descriptors(doc.fsLayers).map((l) => ({ digest: l.blobSum }));
  const references = [...(config ? [config] : []), ...layers].map(digestOf).filter((d): d is string => d !== undefined);
  const size = layers.reduce((sum, l) => sum + (typeof l.size === "number" ? l.size : 0), 0);
  const artifactMediaType = typeof config?.mediaType === "string" ? config.mediaType : undefined;
  return { digest: manifestDigest(manifest), mediaType, ...(artifactMediaType ? { artifactMediaType } : {}), references, size, index, ...(subject ? { subject } : {}) };
}
