// A cluster's capacity provider attachments, as DescribeClusters shows them with include ATTACHMENTS:
// `as_policy` (the target tracking policy of a provider with managed scaling) and `managed_draining`
// (the lifecycle hook of one with managed draining). A change of association or of a provider's
// settings plans them (PRECREATED, or DELETING) with attachmentsStatus UPDATE_IN_PROGRESS; at the next
// turn of the clock ECS makes or removes the resources on the Auto Scaling group and the attachments
// settle (CREATED, or gone; FAILED when the group refused) with UPDATE_COMPLETE or UPDATE_FAILED.
import type { EcsBackend } from "../../../services/ecs/context.js";
import type { EcsState } from "../../../services/ecs/store.js";
import type { RequestContext } from "../../../protocol/context.js";
import { contextOf } from "../domain/timerContext.js";
import { defineTimer } from "../../../engine/timers.js";
import type { EcsContext } from "../context.js";
import type { Attachment, CapacityProvider } from "../generated/types.js";
import { isFargateProvider } from "../domain/capacityProviders.js";
import type { ClusterRecord } from "../store.js";
import { createPolicy, createHook, deletePolicy, deleteHook, updatePolicy } from "./groupResources.js";

export type AttachmentKind = "as_policy" | "managed_draining";

const detail = (a: Attachment, name: string): string | undefined => a.details?.find((d) => d.name === name)?.value;
export const attachmentProvider = (a: Attachment): string => detail(a, "capacityProviderName") ?? "";
export const policyNameOf = (a: Attachment): string | undefined => detail(a, "scalingPolicyName");

/** The attachments a cluster wants: one of each kind per provider whose setting is on. */
function wanted(ctx: EcsContext, rec: ClusterRecord): { kind: AttachmentKind; provider: string }[] {
  if (rec.cluster.status !== "ACTIVE") return [];
  const out: { kind: AttachmentKind; provider: string }[] = [];
  for (const name of rec.cluster.capacityProviders ?? []) {
    if (isFargateProvider(name)) continue;
    const asg = ctx.state.capacityProviders.get(name)?.autoScalingGroupProvider;
    if (!asg) continue;
    if (asg.managedScaling?.status === "ENABLED") out.push({ kind: "as_policy", provider: name });
    if (asg.managedDraining === "ENABLED") out.push({ kind: "managed_draining", provider: name });
  }
  return out;
}

function newAttachment(ctx: EcsContext, kind: AttachmentKind, provider: string): Attachment {
  const second =
    kind === "as_policy" ? { name: "scalingPolicyName", value: `ECSManagedAutoScalingPolicy-${ctx.state.ids.uuid()}` } : { name: "autoScalingLifecycleHookName", value: "ecs-managed-draining-termination-hook" };
  return { id: ctx.state.ids.uuid(), type: kind, status: "PRECREATED", details: [{ name: "capacityProviderName", value: provider }, second] };
}

/** Plans the cluster's attachments after its providers or their settings changed; settles them at the next turn. */
export function planAttachments(ctx: EcsContext, rec: ClusterRecord): void {
  const want = wanted(ctx, rec);
  const current = (rec.cluster.attachments ?? []).filter((a) => a.status !== "FAILED");
  let changed = current.length !== (rec.cluster.attachments ?? []).length;
  const live = (a: Attachment) => a.status === "PRECREATED" || a.status === "CREATED";
  for (const a of current) {
    if (!live(a)) continue;
    if (want.some((w) => w.kind === a.type && w.provider === attachmentProvider(a))) continue;
    a.status = "DELETING";
    changed = true;
  }
  for (const w of want) {
    if (current.some((a) => live(a) && a.type === w.kind && attachmentProvider(a) === w.provider)) continue;
    current.push(newAttachment(ctx, w.kind, w.provider));
    changed = true;
  }
  // A provider whose target changed keeps its policy; the policy is put again as the attachments settle.
  const stale = current.some((a) => a.type === "as_policy" && a.status === "CREATED" && policyStale(ctx, a));
  if (!changed && !stale) return;
  rec.cluster.attachments = current;
  rec.cluster.attachmentsStatus = "UPDATE_IN_PROGRESS";
  ctx.backend.timeline.call(ctx.backend.timeline.now(), SETTLE, ctx.backend, ctx.state, ctx.request, rec);
}

function policyStale(ctx: EcsContext, a: Attachment): boolean {
  const m = ctx.state.managed.get(attachmentProvider(a));
  const target = ctx.state.capacityProviders.get(attachmentProvider(a))?.autoScalingGroupProvider?.managedScaling?.targetCapacity;
  return m?.policy !== undefined && m.policy.target !== target;
}

function settleOne(ctx: EcsContext, rec: ClusterRecord, a: Attachment, cp: CapacityProvider | undefined): boolean {
  const provider = attachmentProvider(a);
  if (a.status === "DELETING") {
    if (a.type === "as_policy") deletePolicy(ctx, provider);
    else deleteHook(ctx, provider);
    return false;
  }
  if (!cp) return false;
  if (a.status === "PRECREATED") a.status = (a.type === "as_policy" ? createPolicy(ctx, rec, cp, policyNameOf(a)!) : createHook(ctx, rec, cp)) ? "CREATED" : "FAILED";
  else if (a.status === "CREATED" && a.type === "as_policy" && policyStale(ctx, a)) updatePolicy(ctx, cp);
  return true;
}

/** Makes or removes what the planned attachments stand for; DELETING ones go, FAILED ones stay until the next plan. */
export function settleAttachments(ctx: EcsContext, rec: ClusterRecord): void {
  if (rec.cluster.attachmentsStatus !== "UPDATE_IN_PROGRESS") return;
  const kept: Attachment[] = [];
  for (const a of rec.cluster.attachments ?? []) {
    if (settleOne(ctx, rec, a, ctx.state.capacityProviders.get(attachmentProvider(a)))) kept.push(a);
  }
  rec.cluster.attachments = kept;
  rec.cluster.attachmentsStatus = kept.some((a) => a.status === "FAILED") ? "UPDATE_FAILED" : "UPDATE_COMPLETE";
}

/** The clusters whose attachments name a provider: the ones to plan again when its settings change. */
export function clustersWith(ctx: EcsContext, provider: string): ClusterRecord[] {
  return [...ctx.state.clusters.values()].filter((rec) => (rec.cluster.capacityProviders ?? []).includes(provider) || (rec.cluster.attachments ?? []).some((a) => attachmentProvider(a) === provider));
}

const SETTLE = defineTimer("ecs.attachmentsSettled", (backend: EcsBackend, state: EcsState, request: RequestContext, rec: ClusterRecord) => settleAttachments(contextOf(backend, state, request), rec));
