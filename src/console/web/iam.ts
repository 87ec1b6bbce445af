// IAM as the console reads it: roles, a role's trust policy and its policies. IAM is global, so the
// region of the credential scope does not matter; the account does.
import type { AttachedPolicy, Role } from "../../services/iam/generated/types.js";
import { API_VERSION, SIGNING_NAME } from "../../services/iam/generated/operations.js";
import type { Where } from "./api.js";
import { allItems, child, el, num, Query, seconds } from "./query.js";

export function iamClient(where: Where): Query {
  return new Query(where, SIGNING_NAME, API_VERSION);
}

function role(m: Element): Role {
  const boundary = child(m, "PermissionsBoundary", "PermissionsBoundaryArn");
  const lastUsed = el(m, "RoleLastUsed");
  return {
    Path: child(m, "Path") ?? "/",
    RoleName: child(m, "RoleName") ?? "",
    RoleId: child(m, "RoleId") ?? "",
    Arn: child(m, "Arn") ?? "",
    CreateDate: seconds(child(m, "CreateDate")) ?? 0,
    AssumeRolePolicyDocument: child(m, "AssumeRolePolicyDocument"),
    Description: child(m, "Description"),
    MaxSessionDuration: num(child(m, "MaxSessionDuration")),
    PermissionsBoundary: boundary ? { PermissionsBoundaryArn: boundary, PermissionsBoundaryType: "PermissionsBoundaryPolicy" } : undefined,
    RoleLastUsed: lastUsed ? { LastUsedDate: seconds(child(lastUsed, "LastUsedDate")), Region: child(lastUsed, "Region") } : undefined,
  };
}

/** Every role of the account, by name (ListRoles answers them without boundary, last use and tags). */
export async function roles(iam: Query): Promise<Role[]> {
  const list = await allItems(iam, "ListRoles", [], "Roles", "Marker");
  return list.map(role).sort((a, b) => a.RoleName.localeCompare(b.RoleName));
}

/** GetRole; an unknown role is IAM's NoSuchEntity, raised as the API wrote it. */
export async function getRole(iam: Query, name: string): Promise<Role> {
  const root = await iam.call("GetRole", [["RoleName", name]]);
  return role(el(el(root, "GetRoleResult"), "Role")!);
}

export async function attachedPolicies(iam: Query, name: string): Promise<AttachedPolicy[]> {
  const list = await allItems(iam, "ListAttachedRolePolicies", [["RoleName", name]], "AttachedPolicies", "Marker");
  return list.map((m) => ({ PolicyName: child(m, "PolicyName"), PolicyArn: child(m, "PolicyArn") }));
}

export async function inlinePolicyNames(iam: Query, name: string): Promise<string[]> {
  const list = await allItems(iam, "ListRolePolicies", [["RoleName", name]], "PolicyNames", "Marker");
  return list.map((m) => m.textContent ?? "");
}

/** IAM answers policy documents URL-encoded (RFC 3986); the console shows them as JSON. */
export function decodePolicy(encoded: string | undefined): unknown {
  if (!encoded) return undefined;
  const text = decodeURIComponent(encoded);
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export interface TrustedPrincipal {
  /** Service, AWS, Federated or CanonicalUser, or `*` for anyone. */
  kind: string;
  value: string;
  actions: string[];
  effect: string;
}

const list = (v: unknown): string[] => (v === undefined ? [] : Array.isArray(v) ? v.map(String) : [String(v)]);

/** Who may assume the role, statement by statement, as the console's "Trusted entities" lists them. */
export function trustedPrincipals(policy: unknown): TrustedPrincipal[] {
  const given = policy && typeof policy === "object" ? (policy as { Statement?: unknown }).Statement : undefined;
  const statements = (given === undefined ? [] : Array.isArray(given) ? given : [given]) as Record<string, unknown>[];
  const out: TrustedPrincipal[] = [];
  for (const st of statements) {
    const actions = list(st.Action);
    const effect = String(st.Effect ?? "");
    const principal = st.Principal;
    if (principal === "*") out.push({ kind: "*", value: "Anyone", actions, effect });
    else if (principal && typeof principal === "object") {
      for (const [kind, values] of Object.entries(principal)) for (const value of list(values)) out.push({ kind, value, actions, effect });
    }
  }
  return out;
}
