// Access keys of users: two at most each, indexed on the backend so that a request signed with one
// is known as its user's (callerOf, in service.ts).
import type { AccessKeyRecord, IamContext, UserRecord } from "../context.js";
import type { AccessKeyMetadata } from "../generated/types.js";
import { notFound } from "./errors.js";
import { findUser, callingUser } from "./users.js";

/** AccessKeysPerUserQuota. */
export const KEYS_PER_USER = 2;

/** The user a key operation is about: the named one, else the caller; the root user has no keys here. */
export function keyHolder(ctx: IamContext, userName: string | undefined, keyId: string): UserRecord {
  const user = userName === undefined ? callingUser(ctx) : findUser(ctx.state, userName);
  if (!user) throw notFound.accessKey(keyId);
  return user;
}

export function findKey(user: UserRecord, keyId: string): AccessKeyRecord {
  const key = user.keys.find((k) => k.id === keyId);
  if (!key) throw notFound.accessKey(keyId);
  return key;
}

export const keyMetadata = (user: UserRecord, key: AccessKeyRecord): AccessKeyMetadata => ({ UserName: user.name, AccessKeyId: key.id, Status: key.status, CreateDate: key.createDate });
