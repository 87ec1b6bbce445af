// Secret ARNs: `arn:aws:secretsmanager:<region>:<account>:secret:<name>-<6 random characters>`.
import type { IdSource } from "../../../state/ids.js";

const SUFFIX_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
const ARN = /^arn:aws[a-z-]*:secretsmanager:([a-z0-9-]+):(\d{12}):secret:(.+)$/;

/** A new secret's ARN: the six characters tell a recreated secret from the one deleted before it. */
export function newSecretArn(region: string, accountId: string, name: string, ids: IdSource): string {
  let suffix = "";
  for (let i = 0; i < 6; i++) suffix += SUFFIX_ALPHABET[Math.floor(ids.random() * SUFFIX_ALPHABET.length)];
  return `arn:aws:secretsmanager:${region}:${accountId}:secret:${name}-${suffix}`;
}

export interface ParsedArn {
  region: string;
  accountId: string;
  /** The name with the suffix (a full ARN) or without it (a partial ARN). */
  resource: string;
}

export function parseSecretArn(arn: string): ParsedArn | undefined {
  const m = ARN.exec(arn);
  return m ? { region: m[1], accountId: m[2], resource: m[3] } : undefined;
}

/** The same secret's ARN in another Region (a replica's). */
export function arnInRegion(arn: string, region: string): string {
  const parts = arn.split(":");
  parts[3] = region;
  return parts.join(":");
}
