// S3's errors in its own words (the Amazon S3 API Reference, "Error responses": code, status,
// message), with the extra elements its error document names (`BucketName`, `Key`…). The model
// declares only a few of them as shapes.
import { AwsError } from "../../../protocol/errors.js";

export class S3Error extends AwsError {
  constructor(
    code: string,
    message: string,
    status: number,
    readonly fields: Record<string, string> = {},
  ) {
    super(code, message, status);
  }
}

export const s3Errors = {
  noSuchBucket: (bucket: string) => new S3Error("NoSuchBucket", "The specified bucket does not exist", 404, { BucketName: bucket }),
  noSuchKey: (key: string) => new S3Error("NoSuchKey", "The specified key does not exist.", 404, { Key: key }),
  noSuchVersion: (key: string, versionId: string) => new S3Error("NoSuchVersion", "The specified version does not exist.", 404, { Key: key, VersionId: versionId }),
  bucketAlreadyExists: (bucket: string) =>
    new S3Error("BucketAlreadyExists", "The requested bucket name is not available. The bucket namespace is shared by all users of the system. Please select a different name and try again.", 409, { BucketName: bucket }),
  bucketAlreadyOwnedByYou: (bucket: string) => new S3Error("BucketAlreadyOwnedByYou", "Your previous request to create the named bucket succeeded and you already own it.", 409, { BucketName: bucket }),
  bucketNotEmpty: (bucket: string, versioned: boolean) =>
    new S3Error("BucketNotEmpty", versioned ? "The bucket you tried to delete is not empty. You must delete all versions in the bucket." : "The bucket you tried to delete is not empty", 409, { BucketName: bucket }),
  invalidBucketName: (bucket: string) => new S3Error("InvalidBucketName", "The specified bucket is not valid.", 400, { BucketName: bucket }),
  accessDenied: () => new S3Error("AccessDenied", "Access Denied", 403),
  noSuchBucketPolicy: (bucket: string) => new S3Error("NoSuchBucketPolicy", "The bucket policy does not exist", 404, { BucketName: bucket }),
  noSuchLifecycleConfiguration: (bucket: string) => new S3Error("NoSuchLifecycleConfiguration", "The lifecycle configuration does not exist", 404, { BucketName: bucket }),
  noSuchTagSet: (bucket: string) => new S3Error("NoSuchTagSet", "The TagSet does not exist", 404, { BucketName: bucket }),
  noSuchPublicAccessBlock: (bucket: string) =>
    new S3Error("NoSuchPublicAccessBlockConfiguration", "The public access block configuration was not found", 404, { BucketName: bucket }),
  malformedXml: () => new S3Error("MalformedXML", "The XML you provided was not well-formed or did not validate against our published schema", 400),
  malformedPolicy: (why: string) => new S3Error("MalformedPolicy", why, 400),
  invalidArgument: (message: string, name?: string, value?: string) =>
    new S3Error("InvalidArgument", message, 400, name === undefined ? {} : { ArgumentName: name, ArgumentValue: value ?? "" }),
  invalidRequest: (message: string) => new S3Error("InvalidRequest", message, 400),
  illegalLocationConstraint: (given: string | undefined) =>
    new S3Error("IllegalLocationConstraintException", `The ${given === undefined ? "unspecified" : given} location constraint is incompatible for the region specific endpoint this request was sent to.`, 400),
  invalidLocationConstraint: (given: string) => new S3Error("InvalidLocationConstraint", "The specified location-constraint is not valid", 400, { LocationConstraint: given }),
  aclWithOwnership: () => new S3Error("InvalidBucketAclWithObjectOwnership", "Bucket cannot have ACLs set with ObjectOwnership's BucketOwnerEnforced setting", 400),
  invalidRange: (size: number, range: string) => new S3Error("InvalidRange", "The requested range is not satisfiable", 416, { RangeRequested: range, ActualObjectSize: String(size) }),
  noSuchUpload: (uploadId: string) =>
    new S3Error("NoSuchUpload", "The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed.", 404, { UploadId: uploadId }),
  invalidPart: (partNumber: number, etag: string) =>
    new S3Error("InvalidPart", "One or more of the specified parts could not be found.  The part may not have been uploaded, or the specified entity tag may not match the part's entity tag.", 400, { PartNumber: String(partNumber), ETag: etag }),
  invalidPartOrder: () => new S3Error("InvalidPartOrder", "The list of parts was not in ascending order. Parts must be ordered by part number.", 400),
  entityTooSmall: (size: number) => new S3Error("EntityTooSmall", "Your proposed upload is smaller than the minimum allowed object size.", 400, { ProposedSize: String(size), MinSizeAllowed: "5242880" }),
  keyTooLong: () => new S3Error("KeyTooLongError", "Your key is too long", 400),
  badDigest: () => new S3Error("BadDigest", "The Content-MD5 you specified did not match what we received.", 400),
  invalidDigest: () => new S3Error("InvalidDigest", "The Content-MD5 you specified is not valid.", 400),
  checksumMismatch: (algorithm: string) => new S3Error("BadDigest", `The ${algorithm} you specified did not match the calculated checksum.`, 400),
  methodNotAllowed: (method: string) => new S3Error("MethodNotAllowed", "The specified method is not allowed against this resource.", 405, { Method: method, ResourceType: "OBJECT" }),
  notImplemented: (operation: string) => new S3Error("NotImplemented", `ecs-local does not support the S3 operation ${operation} yet.`, 501),
  entityTooLarge: (limit: number) => new S3Error("EntityTooLarge", "Your proposed upload exceeds the maximum allowed size", 400, { MaxSizeAllowed: String(limit) }),
  internalError: () => new S3Error("InternalError", "We encountered an internal error. Please try again.", 500),
  expiredToken: () => new S3Error("ExpiredToken", "The provided token has expired.", 400),
  invalidToken: () => new S3Error("InvalidToken", "The provided token is malformed or otherwise invalid.", 400),
};
