// The dispatch table (written by `npm run handlers -- ecr` from the operation files present):
// every generated operation, each with its handler or null while ecs-local lacks it.
import type { Handlers } from "../context.js";
import { batchDeleteImage } from "./batchDeleteImage.js";
import { batchGetImage } from "./batchGetImage.js";
import { createRepository } from "./createRepository.js";
import { deleteLifecyclePolicy } from "./deleteLifecyclePolicy.js";
import { deleteRepository } from "./deleteRepository.js";
import { deleteRepositoryPolicy } from "./deleteRepositoryPolicy.js";
import { describeImageScanFindings } from "./describeImageScanFindings.js";
import { describeImages } from "./describeImages.js";
import { describeRegistry } from "./describeRegistry.js";
import { describeRepositories } from "./describeRepositories.js";
import { getAuthorizationToken } from "./getAuthorizationToken.js";
import { getLifecyclePolicy } from "./getLifecyclePolicy.js";
import { getLifecyclePolicyPreview } from "./getLifecyclePolicyPreview.js";
import { getRepositoryPolicy } from "./getRepositoryPolicy.js";
import { listImages } from "./listImages.js";
import { listTagsForResource } from "./listTagsForResource.js";
import { putImage } from "./putImage.js";
import { putImageScanningConfiguration } from "./putImageScanningConfiguration.js";
import { putImageTagMutability } from "./putImageTagMutability.js";
import { putLifecyclePolicy } from "./putLifecyclePolicy.js";
import { setRepositoryPolicy } from "./setRepositoryPolicy.js";
import { startImageScan } from "./startImageScan.js";
import { startLifecyclePolicyPreview } from "./startLifecyclePolicyPreview.js";
import { tagResource } from "./tagResource.js";
import { untagResource } from "./untagResource.js";

export const handlers: Handlers = {
  BatchDeleteImage: batchDeleteImage,
  BatchGetImage: batchGetImage,
  CreateRepository: createRepository,
  DeleteLifecyclePolicy: deleteLifecyclePolicy,
  DeleteRepository: deleteRepository,
  DeleteRepositoryPolicy: deleteRepositoryPolicy,
  DescribeImageScanFindings: describeImageScanFindings,
  DescribeImages: describeImages,
  DescribeRegistry: describeRegistry,
  DescribeRepositories: describeRepositories,
  GetAuthorizationToken: getAuthorizationToken,
  GetLifecyclePolicy: getLifecyclePolicy,
  GetLifecyclePolicyPreview: getLifecyclePolicyPreview,
  GetRepositoryPolicy: getRepositoryPolicy,
  ListImages: listImages,
  ListTagsForResource: listTagsForResource,
  PutImage: putImage,
  PutImageScanningConfiguration: putImageScanningConfiguration,
  PutImageTagMutability: putImageTagMutability,
  PutLifecyclePolicy: putLifecyclePolicy,
  SetRepositoryPolicy: setRepositoryPolicy,
  StartImageScan: startImageScan,
  StartLifecyclePolicyPreview: startLifecyclePolicyPreview,
  TagResource: tagResource,
  UntagResource: untagResource,
};
