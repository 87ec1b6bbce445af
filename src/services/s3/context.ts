// What an S3 operation receives besides its input, the shape of its dispatch table, and the port
// other services read objects through (CloudFormation's TemplateURL).
import type { Backends } from "../backends.js";
import type { ServiceBackend, ServiceContext } from "../serviceBackend.js";
import type { S3Blobs } from "./blobs.js";
import type { Input, Operation, Output } from "./generated/operations.js";
import type { S3State } from "./store.js";

export type { S3State } from "./store.js";

export interface S3Backend extends ServiceBackend<S3State> {
  peers: Backends;
  /** The bytes of every object (in memory, or files in the state directory). */
  blobs: S3Blobs;
  /**
   * The port: the latest version of an object as GetObject would answer it to `accountId` (its
   * bucket's owner), or why not: `NoSuchBucket`, `NoSuchKey`, `AccessDenied` (another account's bucket).
   */
  readObject(accountId: string, bucket: string, key: string): { bytes: Buffer } | { error: "NoSuchBucket" | "NoSuchKey" | "AccessDenied" };
}

export type S3Context = ServiceContext<S3State, S3Backend>;

export type Handler<Op extends Operation> = (input: Input<Op>, ctx: S3Context) => Output<Op>;

export type Handlers = { [Op in Operation]: Handler<Op> | null };
