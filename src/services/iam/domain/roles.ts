// Roles: found by name, and shown as each operation shows them.
import type { IamState, RoleRecord } from "../context.js";
import { LimitExceededException } from "../generated/errors.js";
import type { Role } from "../generated/types.js";
import { encodeDocument, documentSize } from "./documents.js";
import { keyOf } from "./entities.js";
import { notFound, protectedRole } from "./errors.js";
import { checkPolicyDocument } from "./policyDocument.js";
import { tagsMember } from "./tags.js";

/** A trust policy's size quota by default (AssumeRolePolicySizeQuota), white space not counted. */
export const TRUST_POLICY_SIZE = 2048;

export function findRole(state: IamState, name: string): RoleRecord {
  const role = state.roles.get(keyOf(name));
  if (!role) throw notFound.role(name);
  return role;
}

/** The role, unless only its service may change it (a service-linked role). */
export function modifiableRole(state: IamState, name: string): RoleRecord {
  const role = findRole(state, name);
  if (role.linkedService) throw protectedRole(role.name);
  return role;
}

export function checkTrustPolicy(doc: string): void {
  checkPolicyDocument(doc, "trust");
  if (documentSize(doc) > TRUST_POLICY_SIZE) throw new LimitExceededException(`Cannot exceed quota for ACLSizePerRole: ${TRUST_POLICY_SIZE}`);
}

/**
 * How an operation shows a role: `get` in full (GetRole, UpdateRoleDescription); `create` as
 * CreateRole answers (no MaxSessionDuration, no RoleLastUsed); `list` as ListRoles does (no
 * PermissionsBoundary, RoleLastUsed or Tags); `profile` as a role inside an instance profile.
 */
export type RoleShape = "get" | "create" | "list" | "profile";

export function roleView(role: RoleRecord, shape: RoleShape): Role {
  const out: Role = { Path: role.path, RoleName: role.name, RoleId: role.id, Arn: role.arn, CreateDate: role.createDate, AssumeRolePolicyDocument: encodeDocument(role.trustPolicy) };
  if (role.description !== undefined && shape !== "profile") out.Description = role.description;
  if (shape === "get" || shape === "list") out.MaxSessionDuration = role.maxSessionDuration;
  if (role.permissionsBoundary && (shape === "get" || shape === "create")) {
    out.PermissionsBoundary = { PermissionsBoundaryType: "PermissionsBoundaryPolicy", PermissionsBoundaryArn: role.permissionsBoundary };
  }
  if (shape === "get" || shape === "create") Object.assign(out, tagsMember(role.tags));
  if (shape === "get") out.RoleLastUsed = {};
  return out;
}
