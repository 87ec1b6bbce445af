// Managed policies, the account's own and AWS's, found by ARN and shown as IAM shows them; how
// many entities use each is counted here.
import type { IamState, PolicyRecord, PolicyUsage } from "../context.js";
import type { Policy, PolicyVersion } from "../generated/types.js";
import { AWS_POLICY_PREFIX, checkPolicyArn } from "./arns.js";
import { encodeDocument } from "./documents.js";
import { notFound } from "./errors.js";
import { awsManagedDocument, awsManagedPolicy, seconds, type AwsManagedPolicy } from "./managed/managedPolicy.js";
import { tagsMember } from "./tags.js";

export type ManagedPolicy = { kind: "local"; arn: string; record: PolicyRecord } | { kind: "aws"; arn: string; entry: AwsManagedPolicy };

/** The managed policy an ARN names, or undefined; an ARN that names no policy at all is refused as IAM refuses it. */
export function managedPolicy(state: IamState, arn: string): ManagedPolicy | undefined {
  checkPolicyArn(arn);
  if (arn.startsWith(AWS_POLICY_PREFIX)) {
    const entry = awsManagedPolicy(arn);
    return entry && { kind: "aws", arn, entry };
  }
  const record = state.policies.get(arn);
  return record && { kind: "local", arn, record };
}

/** The managed policy an ARN names; NoSuchEntity "Policy … was not found." without one. */
export function findPolicy(state: IamState, arn: string): ManagedPolicy {
  const p = managedPolicy(state, arn);
  if (!p) throw notFound.policy(arn);
  return p;
}

/** The account's own policy an ARN names: AWS's cannot be changed by anyone else (a not-found, as IAM answers). */
export function findLocalPolicy(state: IamState, arn: string): PolicyRecord {
  const p = findPolicy(state, arn);
  if (p.kind === "aws") throw notFound.policy(arn);
  return p.record;
}

const NO_USE: PolicyUsage = { attachments: 0, boundaries: 0 };

export const usageOf = (state: IamState, p: ManagedPolicy): PolicyUsage => (p.kind === "local" ? p.record.usage : (state.awsPolicyUsage.get(p.arn) ?? NO_USE));

/** Counts one more (or one fewer) attachment or boundary use of the policy. */
export function countUse(state: IamState, p: ManagedPolicy, what: keyof PolicyUsage, by: 1 | -1): void {
  let usage: PolicyUsage;
  if (p.kind === "local") usage = p.record.usage;
  else {
    usage = state.awsPolicyUsage.get(p.arn) ?? { attachments: 0, boundaries: 0 };
    state.awsPolicyUsage.set(p.arn, usage);
  }
  usage[what] += by;
}

export const nameOf = (p: ManagedPolicy): string => (p.kind === "local" ? p.record.name : p.entry.name);
export const pathOf = (p: ManagedPolicy): string => (p.kind === "local" ? p.record.path : p.entry.path);

/** GetPolicy's and CreatePolicy's answer; ListPolicies leaves out the description and the tags (`listed`). */
export function policyView(state: IamState, p: ManagedPolicy, listed = false): Policy {
  const usage = usageOf(state, p);
  const counts = { AttachmentCount: usage.attachments, PermissionsBoundaryUsageCount: usage.boundaries, IsAttachable: true };
  if (p.kind === "aws") {
    const e = p.entry;
    const out: Policy = { PolicyName: e.name, PolicyId: e.id, Arn: p.arn, Path: e.path, DefaultVersionId: e.version, ...counts };
    if (e.description && !listed) out.Description = e.description;
    return { ...out, CreateDate: seconds(e.created), UpdateDate: seconds(e.updated) };
  }
  const r = p.record;
  const out: Policy = { PolicyName: r.name, PolicyId: r.id, Arn: r.arn, Path: r.path, DefaultVersionId: r.defaultVersion, ...counts };
  if (r.description !== undefined && !listed) out.Description = r.description;
  Object.assign(out, { CreateDate: r.createDate, UpdateDate: r.updateDate }, listed ? {} : tagsMember(r.tags));
  return out;
}

/** The policy's versions, oldest first, each with its document unencoded. */
export function versionsOf(p: ManagedPolicy): { id: string; createDate: number; isDefault: boolean; document: () => string }[] {
  if (p.kind === "aws") {
    const e = p.entry;
    return [{ id: e.version, createDate: seconds(e.versionCreated), isDefault: true, document: () => awsManagedDocument(e) }];
  }
  return p.record.versions.map((v) => ({ id: v.id, createDate: v.createDate, isDefault: v.id === p.record.defaultVersion, document: () => v.document }));
}

/** A version as GetPolicyVersion answers it (with its document, URL-encoded) or as the others do (without). */
export function versionView(v: ReturnType<typeof versionsOf>[number], withDocument: boolean): PolicyVersion {
  return { ...(withDocument ? { Document: encodeDocument(v.document()) } : {}), VersionId: v.id, IsDefaultVersion: v.isDefault, CreateDate: v.createDate };
}

/** A customer managed policy's size quota (PolicySizeQuota), white space not counted. */
export const POLICY_SIZE = 6144;
/** VersionsPerPolicyQuota. */
export const VERSIONS_PER_POLICY = 5;
