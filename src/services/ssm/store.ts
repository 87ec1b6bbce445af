// The Parameter Store of one account in one region: its parameters with their kept versions, labels
// and tags, and the aws:ec2:image writes still being validated.
import type { Timer } from "../../engine/timeline.js";
import type { ParameterTier, ParameterType, Tag } from "./generated/types.js";

/** One version of a parameter, as GetParameterHistory lists it. */
export interface ParameterVersion {
  version: number;
  type: ParameterType;
  /** In clear, even for a SecureString: reads without decryption answer `ciphertext`. */
  value: string;
  /** A SecureString's value as KMS would have encrypted it (base64), fixed when the version is written. */
  ciphertext?: string;
  /** SecureString only: the key as given (`alias/aws/ssm` by default). */
  keyId?: string;
  description?: string;
  allowedPattern?: string;
  tier: ParameterTier;
  dataType: string;
  /** Epoch seconds. */
  lastModifiedDate: number;
  lastModifiedUser: string;
  labels: string[];
}

export interface ParameterRecord {
  /** As it was created: `/a/b`, or `name` (`/name` and `name` are one parameter). */
  name: string;
  /** Oldest first; at most 100 are kept. */
  versions: ParameterVersion[];
  tags: Tag[];
}

/** A write of an aws:ec2:image parameter that is answered at once and applied once the image is checked. */
export interface PendingImageWrite {
  name: string;
  version: ParameterVersion;
  /** Tags of a parameter this write creates. */
  tags: Tag[];
  timer: Timer;
}

export interface SsmState {
  accountId: string;
  region: string;
  /** By key (`parameterKey`): a name without its leading slash when it has no other. */
  parameters: Map<string, ParameterRecord>;
  pending: Map<string, PendingImageWrite>;
}

export function createSsmState(accountId: string, region: string): SsmState {
  return { accountId, region, parameters: new Map(), pending: new Map() };
}
