// Users: found by name (or as the caller), and shown as each operation shows them; the account's
// root user as GetUser shows it.
import type { IamContext, IamState, UserRecord } from "../context.js";
import type { User } from "../generated/types.js";
import { commonErrors } from "../../../protocol/errors.js";
import { nameInArn, rootArn } from "./arns.js";
import { keyOf } from "./entities.js";
import { notFound } from "./errors.js";
import { tagsMember } from "./tags.js";

/**
 * The root user's creation date: IAM answers the account's, which no request here sets (chosen:
 * a fixed moment, the same in every run).
 */
export const ROOT_CREATE_DATE = Date.parse("2020-01-01T00:00:00Z") / 1000;

export function findUser(state: IamState, name: string): UserRecord {
  const user = state.users.get(keyOf(name));
  if (!user) throw notFound.user(name);
  return user;
}

/** Who a request without `UserName` is about: the signing user, or (undefined) the account's root user. */
export function callingUser(ctx: IamContext): UserRecord | undefined {
  const principal = ctx.request.principal;
  if (!principal) return undefined;
  if (!principal.arn.includes(":user/")) throw commonErrors.validation("Must specify userName when calling with non-User credentials");
  return findUser(ctx.state, nameInArn(principal.arn));
}

/** The named user, else the caller; undefined for the root user. */
export const namedOrCaller = (ctx: IamContext, name: string | undefined): UserRecord | undefined => (name === undefined ? callingUser(ctx) : findUser(ctx.state, name));

/** `get` in full (GetUser, CreateUser); `list` without the permissions boundary and tags (ListUsers). */
export function userView(user: UserRecord, shape: "get" | "list"): User {
  const out: User = { Path: user.path, UserName: user.name, UserId: user.id, Arn: user.arn, CreateDate: user.createDate };
  if (shape === "list") return out;
  if (user.permissionsBoundary) out.PermissionsBoundary = { PermissionsBoundaryType: "PermissionsBoundaryPolicy", PermissionsBoundaryArn: user.permissionsBoundary };
  return Object.assign(out, tagsMember(user.tags));
}

/** The root user as GetUser answers it: no name and no path, the account id as its id. */
export const rootView = (accountId: string): User => ({ UserId: accountId, Arn: rootArn(accountId), CreateDate: ROOT_CREATE_DATE });
