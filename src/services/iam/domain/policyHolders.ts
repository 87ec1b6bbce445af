// What roles and users hold alike: managed policies attached (counted on the policy), inline
// policies (their sizes together under the entity's quota), and a permissions boundary.
import type { IamState, PolicyHolder } from "../context.js";
import { LimitExceededException, PolicyNotAttachableException } from "../generated/errors.js";
import type { AttachedPolicy } from "../generated/types.js";
import { checkPolicyArn } from "./arns.js";
import { documentSize } from "./documents.js";
import { notFound } from "./errors.js";
import { checkPolicyDocument } from "./policyDocument.js";
import { countUse, managedPolicy, nameOf, pathOf } from "./policies.js";

export type HolderKind = "role" | "user";

/** Managed policies one role or user may have attached (AttachedPoliciesPerRoleQuota, …PerUserQuota). */
export const ATTACHED_QUOTA = 10;
/** Inline policies of one role, of one user, all together (RolePolicySizeQuota, UserPolicySizeQuota). */
export const INLINE_QUOTA: Record<HolderKind, number> = { role: 10_240, user: 2_048 };

const QUOTA_NAME: Record<HolderKind, string> = { role: "PoliciesPerRole", user: "PoliciesPerUser" };

/** Attaches a managed policy (again: nothing changes). */
export function attachPolicy(state: IamState, holder: PolicyHolder, kind: HolderKind, arn: string): void {
  const p = managedPolicy(state, arn);
  if (!p) throw notFound.attachable(arn);
  if (p.kind === "aws" && p.entry.path.startsWith("/aws-service-role/")) {
    throw new PolicyNotAttachableException(kind === "role" ? "Cannot attach a Service Role Policy to a Customer Role." : "Cannot attach a Service Role Policy to a Customer User.");
  }
  if (holder.attached.includes(arn)) return;
  if (holder.attached.length >= ATTACHED_QUOTA) throw new LimitExceededException(`Cannot exceed quota for ${QUOTA_NAME[kind]}: ${ATTACHED_QUOTA}`);
  holder.attached.push(arn);
  countUse(state, p, "attachments", 1);
}

export function detachPolicy(state: IamState, holder: PolicyHolder, arn: string): void {
  checkPolicyArn(arn);
  const i = holder.attached.indexOf(arn);
  const p = managedPolicy(state, arn);
  if (i < 0 || !p) throw notFound.policy(arn);
  holder.attached.splice(i, 1);
  countUse(state, p, "attachments", -1);
}

/** ListAttached…Policies: each attached policy's name and ARN, under the path prefix. */
export function attachedPolicies(state: IamState, holder: PolicyHolder, pathPrefix: string | undefined): AttachedPolicy[] {
  const out: AttachedPolicy[] = [];
  for (const arn of holder.attached) {
    const p = managedPolicy(state, arn)!;
    if (pathPrefix === undefined || pathOf(p).startsWith(pathPrefix)) out.push({ PolicyName: nameOf(p), PolicyArn: arn });
  }
  return out;
}

/** Puts an inline policy (replacing one of that name); refused past the entity's quota. */
export function putInlinePolicy(holder: PolicyHolder, kind: HolderKind, holderName: string, policyName: string, document: string): void {
  checkPolicyDocument(document, "inline");
  let total = documentSize(document);
  for (const [name, doc] of holder.inline) if (name !== policyName) total += documentSize(doc);
  if (total > INLINE_QUOTA[kind]) throw new LimitExceededException(`Maximum policy size of ${INLINE_QUOTA[kind]} bytes exceeded for ${kind} ${holderName}`);
  holder.inline.set(policyName, document);
}

/** Sets (or with undefined, removes) the permissions boundary of a role or user, counting its use on the policy. */
export function setBoundary(state: IamState, entity: { permissionsBoundary?: string }, arn: string | undefined): void {
  const next = arn === undefined ? undefined : managedPolicy(state, arn);
  if (arn !== undefined && !next) throw notFound.boundary(arn);
  if (entity.permissionsBoundary) {
    const previous = managedPolicy(state, entity.permissionsBoundary);
    if (previous) countUse(state, previous, "boundaries", -1);
  }
  if (next) countUse(state, next, "boundaries", 1);
  entity.permissionsBoundary = arn;
  if (arn === undefined) delete entity.permissionsBoundary;
}

/** Before a role or user goes: what it still holds, in IAM's words. */
export function holderConflict(holder: PolicyHolder): string | undefined {
  if (holder.attached.length) return "Cannot delete entity, must detach all policies first.";
  if (holder.inline.size) return "Cannot delete entity, must delete policies first.";
  return undefined;
}
