// IAM takes policy documents as JSON text; a template writes them as objects (or, rarely, as text).
import type { ProviderContext } from "./provider.js";

export const policyText = (doc: unknown): string => (typeof doc === "string" ? doc : JSON.stringify(doc));

export type InlinePolicy = { PolicyName: string; PolicyDocument: unknown };

/** Brings a role's or user's inline policies from `before` to `after`. */
export function syncInlinePolicies(pc: ProviderContext, kind: "Role" | "User", name: string, before: InlinePolicy[] = [], after: InlinePolicy[] = []): void {
  const key = kind === "Role" ? "RoleName" : "UserName";
  for (const p of before) if (!after.some((a) => a.PolicyName === p.PolicyName)) pc.call("iam", `Delete${kind}Policy`, { [key]: name, PolicyName: p.PolicyName });
  for (const p of after) {
    const had = before.find((b) => b.PolicyName === p.PolicyName);
    if (!had || policyText(had.PolicyDocument) !== policyText(p.PolicyDocument)) pc.call("iam", `Put${kind}Policy`, { [key]: name, PolicyName: p.PolicyName, PolicyDocument: policyText(p.PolicyDocument) });
  }
}

/** Attaches and detaches managed policies so that `after` is what is attached. */
export function syncManagedPolicies(pc: ProviderContext, kind: "Role" | "User", name: string, before: string[] = [], after: string[] = []): void {
  const key = kind === "Role" ? "RoleName" : "UserName";
  for (const arn of before) if (!after.includes(arn)) pc.call("iam", `Detach${kind}Policy`, { [key]: name, PolicyArn: arn });
  for (const arn of after) if (!before.includes(arn)) pc.call("iam", `Attach${kind}Policy`, { [key]: name, PolicyArn: arn });
}

/** Tag changes through Tag…/Untag… (IAM's own names for each kind of resource). */
export function retagIam(pc: ProviderContext, kind: "Role" | "Policy" | "InstanceProfile", idKey: string, id: string, before: { Key: string; Value: string }[], after: { Key: string; Value: string }[]): void {
  const gone = before.filter((t) => !after.some((a) => a.Key === t.Key)).map((t) => t.Key);
  if (gone.length) pc.call("iam", `Untag${kind}`, { [idKey]: id, TagKeys: gone });
  if (after.length && JSON.stringify(after) !== JSON.stringify(before)) pc.call("iam", `Tag${kind}`, { [idKey]: id, Tags: after });
}
