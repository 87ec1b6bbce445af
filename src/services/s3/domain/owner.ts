// An account as S3 names it: the canonical user id (64 hex digits) derived from the account id.
import { createHash } from "node:crypto";

/** Chosen: a stable canonical id per account (AWS's are opaque 64-hex strings). */
export function canonicalId(accountId: string): string {
  return createHash("sha256").update(`s3-canonical-user/${accountId}`).digest("hex");
}

export const ownerOf = (accountId: string) => ({ ID: canonicalId(accountId) });
