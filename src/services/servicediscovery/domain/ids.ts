// Cloud Map's identifiers, as the model's examples show them: `ns-` and `srv-` and 16 characters of
// base32 [a-z2-7], operation ids of 32 such characters and 8 of [a-z0-9] joined by a dash, hosted
// zones `Z` and 20 of [A-Z0-9]; all from the seeded source.
import type { IdSource } from "../../../state/ids.js";

const BASE32 = "abcdefghijklmnopqrstuvwxyz234567";
const LOWER = "abcdefghijklmnopqrstuvwxyz0123456789";
const UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

function chars(ids: IdSource, n: number, alphabet: string): string {
  return [...ids.bytes(n)].map((b) => alphabet[b % alphabet.length]).join("");
}

export const namespaceId = (ids: IdSource): string => `ns-${chars(ids, 16, BASE32)}`;
export const serviceId = (ids: IdSource): string => `srv-${chars(ids, 16, BASE32)}`;
export const operationId = (ids: IdSource): string => `${chars(ids, 32, BASE32)}-${chars(ids, 8, LOWER)}`;
export const hostedZoneId = (ids: IdSource): string => `Z${chars(ids, 20, UPPER)}`;

export const namespaceArn = (region: string, account: string, id: string): string => `arn:aws:servicediscovery:${region}:${account}:namespace/${id}`;
export const serviceArn = (region: string, account: string, id: string): string => `arn:aws:servicediscovery:${region}:${account}:service/${id}`;

/** An id given as itself or as its ARN (the API takes both). */
export function idOf(ref: string): string {
  return ref.startsWith("arn:") ? ref.split("/").pop()! : ref;
}
