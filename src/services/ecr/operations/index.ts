// The dispatch table (written by `npm run handlers -- ecr` from the operation files present):
// every generated operation, each with its handler or null while ecs-local lacks it.
import type { Handlers } from "../context.js";
import { createRepository } from "./createRepository.js";
import { deleteLifecyclePolicy } from "./deleteLifecyclePolicy.js";
import { deleteRepository } from "./deleteRepository.js";
import { deleteRepositoryPolicy } from "./deleteRepositoryPolicy.js";
import { describeRegistry } from "./describeRegistry.js";
import { describeRepositories } from "./describeRepositories.js";
import { getLifecyclePolicy } from "./getLifecyclePolicy.js";
import { getRepositoryPolicy } from "./getRepositoryPolicy.js";
import { listTagsForResource } from "./listTagsForResource.js";
import { putImageScanningConfiguration } from "./putImageScanningConfiguration.js";
import { putImageTagMutability } from "./putImageTagMutability.js";
import { putLifecyclePolicy } from "./putLifecyclePolicy.js";
import { setRepositoryPolicy } from "./setRepositoryPolicy.js";
import { tagResource } from "./tagResource.js";
import { untagResource } from "./untagResource.js";

export const handlers: Handlers = {
  CreateRepository: createRepository,
  DeleteLifecyclePolicy: deleteLifecyclePolicy,
  DeleteRepository: deleteRepository,
  DeleteRepositoryPolicy: deleteRepositoryPolicy,
  DescribeRegistry: describeRegistry,
  DescribeRepositories: describeRepositories,
  GetLifecyclePolicy: getLifecyclePolicy,
  GetRepositoryPolicy: getRepositoryPolicy,
  ListTagsForResource: listTagsForResource,
  PutImageScanningConfiguration: putImageScanningConfiguration,
  PutImageTagMutability: putImageTagMutability,
  PutLifecyclePolicy: putLifecyclePolicy,
  SetRepositoryPolicy: setRepositoryPolicy,
  TagResource: tagResource,
  UntagResource: untagResource,
};
