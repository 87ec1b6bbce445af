// ECR's state of one account in one region: its repositories, with their policies, tags and images,
// as plain data in the API's own terms (times in epoch seconds). An image here is what the registry
// accepted (its manifest, digest and tags); its layers are the registry's (src/dataplane/registry/).
import type { EncryptionConfiguration, ImageScanningConfiguration, ImageTagMutability, ImageTagMutabilityExclusionFilter, Tag } from "./generated/types.js";

export interface ScanRecord {
  status: "IN_PROGRESS" | "COMPLETE";
  startedAt: number;
  completedAt?: number;
}

export interface ImageRecord {
  /** `sha256:` and the hex digest of the manifest's bytes. */
  digest: string;
  manifest: string;
  mediaType: string;
  /** An image manifest's config media type. */
  artifactMediaType?: string;
  /** In the order they were given to it. */
  tags: string[];
  pushedAt: number;
  /** The layers' compressed sizes (an index: its largest image's, when the repository holds them). */
  size: number;
  /** What the manifest names: an image's config and layers, an index's manifests. */
  references: string[];
  /** Whether the manifest is an index (a manifest list), whose references are images. */
  index: boolean;
  /** An OCI artifact's `subject` (signatures, attestations). */
  subject?: string;
  scan?: ScanRecord;
}

export interface PreviewRecord {
  policy: string;
  status: "IN_PROGRESS" | "COMPLETE";
  /** Each expiring image's digest and the rule that expires it, in the order of the repository's images. */
  results: { digest: string; tags: string[]; pushedAt: number; rulePriority: number }[];
}

export interface RepositoryRecord {
  name: string;
  arn: string;
  createdAt: number;
  imageTagMutability: ImageTagMutability;
  imageTagMutabilityExclusionFilters?: ImageTagMutabilityExclusionFilter[];
  imageScanningConfiguration: ImageScanningConfiguration;
  encryptionConfiguration: EncryptionConfiguration;
  tags: Tag[];
  lifecyclePolicy?: string;
  policy?: string;
  /** By digest, in the order they were first pushed. */
  images: Map<string, ImageRecord>;
  preview?: PreviewRecord;
}

export interface EcrState {
  accountId: string;
  region: string;
  /** By name, in creation order. */
  repositories: Map<string, RepositoryRecord>;
}

export function createEcrState(accountId: string, region: string): EcrState {
  return { accountId, region, repositories: new Map() };
}
