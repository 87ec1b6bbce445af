// Key pairs of an account in a region, by name: made by CreateKeyPair or imported, as
// DescribeKeyPairs shows them (the public key only when asked for).
import type { Ec2State } from "../context.js";
import type { KeyPairInfo, KeyType, TagSpecification } from "../generated/types.js";
import type { KeyPairRecord } from "./computeState.js";
import { computeErrors } from "./computeErrors.js";
import { ec2Id } from "./ids.js";
import { putTags, tagsFor, tagsOf } from "./tags.js";

export interface NewKeyPair {
  name: string;
  type: KeyType;
  fingerprint: string;
  publicKey: string;
  now: number;
  tags?: TagSpecification[];
}

/** Refuses a name already taken, before a key is made. */
export function checkNameFree(state: Ec2State, name: string): void {
  if (state.keyPairs.has(name)) throw computeErrors.keyPairDuplicate(name);
}

export function addKeyPair(state: Ec2State, k: NewKeyPair): KeyPairRecord {
  const id = ec2Id(state.ids, "key");
  const rec: KeyPairRecord = { info: { KeyPairId: id, KeyFingerprint: k.fingerprint, KeyName: k.name, KeyType: k.type, CreateTime: k.now, PublicKey: k.publicKey } };
  state.keyPairs.set(k.name, rec);
  putTags(state, id, tagsFor(k.tags, "key-pair"));
  return rec;
}

export function keyPairById(state: Ec2State, id: string): KeyPairRecord | undefined {
  for (const rec of state.keyPairs.values()) if (rec.info.KeyPairId === id) return rec;
  return undefined;
}

export function keyPairView(state: Ec2State, rec: KeyPairRecord, includePublicKey: boolean): KeyPairInfo {
  const { PublicKey, ...info } = rec.info;
  return { ...info, Tags: tagsOf(state, rec.info.KeyPairId) ?? [], ...(includePublicKey ? { PublicKey } : {}) };
}
