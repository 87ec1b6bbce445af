// The Secrets Manager state of one account in one region: its secrets, each with its versions and
// their staging labels, kept as plain data in the API's own terms (times in epoch seconds).
import type { ReplicationStatusType, RotationRulesType, Tag } from "./generated/types.js";

export interface VersionRecord {
  versionId: string;
  secretString?: string;
  /** Base64, as the wire carries it. */
  secretBinary?: string;
  /** Staging labels, kept sorted (AWS answers them in that order). */
  stages: string[];
  createdDate: number;
  /** Midnight UTC of the day it was last read, as AWS keeps it. */
  lastAccessedDate?: number;
  /** The key the version was encrypted with; undefined for the default key aws/secretsmanager. */
  kmsKeyId?: string;
}

export interface RotationRecord {
  enabled: boolean;
  lambdaArn?: string;
  rules?: RotationRulesType;
}

/** Where a replica's primary lives; the replica reads everything but its own dates from it. */
export interface PrimaryRef {
  region: string;
  name: string;
}

export interface SecretRecord {
  arn: string;
  name: string;
  description?: string;
  kmsKeyId?: string;
  type?: string;
  createdDate: number;
  lastChangedDate: number;
  lastAccessedDate?: number;
  /** When DeleteSecret scheduled the deletion (DescribeSecret's DeletedDate). */
  deletedDate?: number;
  /** When the recovery window ends and the secret goes for good (DeleteSecret's DeletionDate). */
  deletionDate?: number;
  /** Absent until a tag is first set: DescribeSecret then answers `Tags` even when emptied again. */
  tags?: Tag[];
  /** In creation order. */
  versions: VersionRecord[];
  policy?: string;
  rotation?: RotationRecord;
  /** A primary's replicas, by region, in the order they were added. */
  replicas?: ReplicationStatusType[];
  /** Set on a replica: the primary it copies. */
  primary?: PrimaryRef;
}

export interface SecretsManagerState {
  accountId: string;
  region: string;
  /** By name: at most one secret (live or scheduled for deletion) holds a name. */
  secrets: Map<string, SecretRecord>;
}

export function createSecretsManagerState(accountId: string, region: string): SecretsManagerState {
  return { accountId, region, secrets: new Map() };
}
