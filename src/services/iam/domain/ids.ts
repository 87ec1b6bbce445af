// IAM's identifiers: unique ids (`AROA…` roles, `ANPA…` policies, `AIPA…` instance profiles, `AIDA…`
// users) are a four-letter prefix and 17 characters, 21 in all; access key ids are `AKIA` and 16
// characters, 20 in all; both in upper-case base32 (A–Z, 2–7), as AWS makes them. Drawn from IAM's
// seeded id source, so that a replay makes the same ones.
import type { IdSource } from "../../../state/ids.js";

const BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
const BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

function draw(ids: IdSource, alphabet: string, n: number): string {
  const bytes = ids.bytes(n);
  let out = "";
  for (let i = 0; i < n; i++) out += alphabet[bytes[i] % alphabet.length];
  return out;
}

export type UniqueIdPrefix = "AROA" | "ANPA" | "AIPA" | "AIDA";

export const uniqueId = (ids: IdSource, prefix: UniqueIdPrefix): string => prefix + draw(ids, BASE32, 17);

export const accessKeyId = (ids: IdSource): string => "AKIA" + draw(ids, BASE32, 16);

/** 40 characters of base64's alphabet, like AWS's secret access keys. */
export const secretAccessKey = (ids: IdSource): string => draw(ids, BASE64, 40);
