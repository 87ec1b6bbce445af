// S3 behind the rest-xml protocol: the backend (one namespace of buckets, the object bytes), the
// port CloudFormation reads templates through, and S3's words for what the protocol refuses.
import { snapshotBackend } from "../../state/snapshotRegistry.js";
import { join } from "node:path";
import type { Config } from "../../config.js";
import type { Timeline } from "../../engine/timeline.js";
import type { RestXmlErrors, RestXmlService } from "../../protocol/restXml.js";
import type { Backends } from "../backends.js";
import { restXmlService } from "../restXmlService.js";
import { createServiceBackend, serviceContext } from "../serviceBackend.js";
import { fileBlobs, memoryBlobs } from "./blobs.js";
import type { S3Backend, S3State } from "./context.js";
import { latestVersion } from "./domain/objects.js";
import { s3Errors } from "./domain/errors.js";
import { validationError } from "./domain/validation.js";
import * as model from "./generated/operations.js";
import { createS3State } from "./store.js";

export type { S3Backend } from "./context.js";

/** Bucket names are one namespace for every account and region: a single store holds them. */
const PARTITION = "aws";

/** The largest object one PUT takes (S3 takes 5 GiB; the bytes are held in memory here). */
export const MAX_OBJECT_BYTES = 1024 * 1024 * 1024;

// What a snapshot writes down of this backend (src/state/persist/snapshot.ts); the rest is rebuilt at start.
snapshotBackend("s3", { state: ["states"], host: ["config", "timeline", "peers", "blobs"] });

export function createS3Backend(config: Config, timeline: Timeline, peers: Backends): S3Backend {
  const base = createServiceBackend<S3State>(config, timeline, "s3", () => createS3State(), { global: true });
  const backend: S3Backend = {
    ...base,
    peers,
    blobs: config.stateDir !== undefined ? fileBlobs(join(config.stateDir, "s3-objects")) : memoryBlobs(),
    readObject(accountId, bucketName, key) {
      const bucket = stateOf(backend).buckets.get(bucketName);
      if (!bucket) return { error: "NoSuchBucket" };
      if (bucket.owner !== accountId) return { error: "AccessDenied" };
      const version = latestVersion(bucket, key);
      if (!version || version.deleteMarker || version.blob === undefined) return { error: "NoSuchKey" };
      return { bytes: backend.blobs.get(version.blob) };
    },
  };
  return backend;
}

const stateOf = (backend: S3Backend): S3State => backend.states.get(PARTITION, "");

const errors: RestXmlErrors = {
  validation: validationError,
  malformedBody: s3Errors.malformedXml,
  unsupported: s3Errors.notImplemented,
  noRoute: s3Errors.methodNotAllowed,
  tooLarge: s3Errors.entityTooLarge,
  server: s3Errors.internalError,
  credentials: (e) => (e.kind === "expired" ? s3Errors.expiredToken() : s3Errors.invalidToken()),
};

export function s3RestXmlService(backend: S3Backend): RestXmlService {
  return restXmlService({
    name: "s3",
    model,
    backend,
    operations: () => import("./operations/index.js"),
    operation: (name) => import(`./operations/${name}.js`),
    errors,
    maxBlobBytes: MAX_OBJECT_BYTES,
    context: (b, request) => ({ ...serviceContext<S3State, S3Backend>(b, request), state: stateOf(b) }),
    reset: () => backend.blobs.clear(),
  });
}
