// ECR's state of one account in one region: its repositories (the registry's control plane), with
// their policies and tags, as plain data in the API's own terms (times in epoch seconds).
import type { EncryptionConfiguration, ImageScanningConfiguration, ImageTagMutability, ImageTagMutabilityExclusionFilter, Tag } from "./generated/types.js";

export interface RepositoryRecord {
  name: string;
  arn: string;
  uri: string;
  createdAt: number;
  imageTagMutability: ImageTagMutability;
  imageTagMutabilityExclusionFilters?: ImageTagMutabilityExclusionFilter[];
  imageScanningConfiguration: ImageScanningConfiguration;
  encryptionConfiguration: EncryptionConfiguration;
  tags: Tag[];
  lifecyclePolicy?: string;
  policy?: string;
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
