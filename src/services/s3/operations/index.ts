// The dispatch table (written by `npm run handlers -- s3` from the operation files present):
// every generated operation, each with its handler or null while ecs-local lacks it.
import type { Handlers } from "../context.js";
import { abortMultipartUpload } from "./abortMultipartUpload.js";
import { completeMultipartUpload } from "./completeMultipartUpload.js";
import { createBucket } from "./createBucket.js";
import { createMultipartUpload } from "./createMultipartUpload.js";
import { deleteBucket } from "./deleteBucket.js";
import { deleteBucketEncryption } from "./deleteBucketEncryption.js";
import { deleteBucketLifecycle } from "./deleteBucketLifecycle.js";
import { deleteBucketPolicy } from "./deleteBucketPolicy.js";
import { deleteBucketTagging } from "./deleteBucketTagging.js";
import { deleteObject } from "./deleteObject.js";
import { deleteObjects } from "./deleteObjects.js";
import { deletePublicAccessBlock } from "./deletePublicAccessBlock.js";
import { getBucketEncryption } from "./getBucketEncryption.js";
import { getBucketLifecycleConfiguration } from "./getBucketLifecycleConfiguration.js";
import { getBucketLocation } from "./getBucketLocation.js";
import { getBucketPolicy } from "./getBucketPolicy.js";
import { getBucketTagging } from "./getBucketTagging.js";
import { getBucketVersioning } from "./getBucketVersioning.js";
import { getObject } from "./getObject.js";
import { getPublicAccessBlock } from "./getPublicAccessBlock.js";
import { headBucket } from "./headBucket.js";
import { headObject } from "./headObject.js";
import { listBuckets } from "./listBuckets.js";
import { listObjectVersions } from "./listObjectVersions.js";
import { listObjects } from "./listObjects.js";
import { listObjectsV2 } from "./listObjectsV2.js";
import { listParts } from "./listParts.js";
import { putBucketEncryption } from "./putBucketEncryption.js";
import { putBucketLifecycleConfiguration } from "./putBucketLifecycleConfiguration.js";
import { putBucketPolicy } from "./putBucketPolicy.js";
import { putBucketTagging } from "./putBucketTagging.js";
import { putBucketVersioning } from "./putBucketVersioning.js";
import { putObject } from "./putObject.js";
import { putPublicAccessBlock } from "./putPublicAccessBlock.js";
import { uploadPart } from "./uploadPart.js";

export const handlers: Handlers = {
  AbortMultipartUpload: abortMultipartUpload,
  CompleteMultipartUpload: completeMultipartUpload,
  CreateBucket: createBucket,
  CreateMultipartUpload: createMultipartUpload,
  DeleteBucket: deleteBucket,
  DeleteBucketEncryption: deleteBucketEncryption,
  DeleteBucketLifecycle: deleteBucketLifecycle,
  DeleteBucketPolicy: deleteBucketPolicy,
  DeleteBucketTagging: deleteBucketTagging,
  DeleteObject: deleteObject,
  DeleteObjects: deleteObjects,
  DeletePublicAccessBlock: deletePublicAccessBlock,
  GetBucketEncryption: getBucketEncryption,
  GetBucketLifecycleConfiguration: getBucketLifecycleConfiguration,
  GetBucketLocation: getBucketLocation,
  GetBucketPolicy: getBucketPolicy,
  GetBucketTagging: getBucketTagging,
  GetBucketVersioning: getBucketVersioning,
  GetObject: getObject,
  GetPublicAccessBlock: getPublicAccessBlock,
  HeadBucket: headBucket,
  HeadObject: headObject,
  ListBuckets: listBuckets,
  ListObjectVersions: listObjectVersions,
  ListObjects: listObjects,
  ListObjectsV2: listObjectsV2,
  ListParts: listParts,
  PutBucketEncryption: putBucketEncryption,
  PutBucketLifecycleConfiguration: putBucketLifecycleConfiguration,
  PutBucketPolicy: putBucketPolicy,
  PutBucketTagging: putBucketTagging,
  PutBucketVersioning: putBucketVersioning,
  PutObject: putObject,
  PutPublicAccessBlock: putPublicAccessBlock,
  UploadPart: uploadPart,
};
