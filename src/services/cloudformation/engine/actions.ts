// One resource's step in a stack operation: create, update (in place or by replacement), delete, or
// restore (an update rollback). Each runs the provider synchronously and writes the stack events.
import { AwsError } from "../../../protocol/errors.js";
import { evaluate } from "../template/intrinsics.js";
import { providerFor } from "../resources/index.js";
import type { Progress, ResourceProvider } from "../resources/provider.js";
import type { Action, ResourceRecord, Run, StackRecord } from "../context.js";
import { resourceEvent } from "../domain/events.js";
import type { Env } from "./env.js";
import { stackScope } from "./scope.js";
import { providerContext, ProviderFailure } from "./providerContext.js";
import { effectOf } from "./changed.js";
import { resolveDynamic } from "./dynamicReferences.js";
import { denied } from "../domain/stackPolicy.js";

/** A record whose properties are what the provider last received (dynamic references resolved). */
const resolvedRecord = (env: Env, r: ResourceRecord): ResourceRecord => ({ ...r, properties: resolveDynamic(env, r.properties) });

const reasonOf = (e: unknown): string => (e instanceof ProviderFailure || e instanceof AwsError ? e.message : e instanceof Error ? e.message : String(e));
const notFound = (e: unknown) => e instanceof ProviderFailure && /NotFound/.test(e.code);

/** The declared properties of a resource, every intrinsic function resolved against the stack. */
function properties(env: Env, rec: StackRecord, logicalId: string): Record<string, any> {
  const decl = rec.current.template.Resources[logicalId];
  return evaluate(decl.Properties ?? {}, stackScope(env, rec, rec.current)) as Record<string, any>;
}

function newRecord(rec: StackRecord, logicalId: string, now: number): ResourceRecord {
  const decl = rec.current.template.Resources[logicalId];
  return {
    logicalId,
    type: decl.Type,
    status: "CREATE_IN_PROGRESS",
    updated: now,
    attributes: {},
    ...(decl.Metadata !== undefined ? { metadata: decl.Metadata } : {}),
    ...(decl.DeletionPolicy !== undefined ? { deletionPolicy: String(decl.DeletionPolicy) } : {}),
    ...(decl.UpdateReplacePolicy !== undefined ? { updateReplacePolicy: String(decl.UpdateReplacePolicy) } : {}),
  };
}

const verb = { create: "CREATE", update: "UPDATE", delete: "DELETE" } as const;

/** Starts an action: done, running (a provider still settling) or failed when it returns. */
export function startAction(env: Env, rec: StackRecord, run: Run, a: Action): void {
  try {
    if (a.kind === "create") return create(env, rec, a);
    if (a.kind === "update") return update(env, rec, run, a);
    if (a.kind === "restore") return restore(env, rec, run, a);
    return remove(env, rec, a);
  } catch (e) {
    fail(env, rec, a, reasonOf(e));
  }
}

function fail(env: Env, rec: StackRecord, a: Action, reason: string): void {
  const r = a.kind === "deleteOld" ? a.old! : rec.resources.get(a.logicalId);
  a.state = "failed";
  if (!r) return;
  const kind = a.kind === "deleteOld" ? "delete" : a.kind === "restore" ? "update" : a.kind;
  resourceEvent(env.backend, rec, r, `${verb[kind]}_FAILED`, reason);
}

function create(env: Env, rec: StackRecord, a: Action): void {
  const now = env.backend.timeline.now() / 1000;
  const r = newRecord(rec, a.logicalId, now);
  rec.resources.set(a.logicalId, r);
  const p = providerFor(r.type)!;
  r.properties = properties(env, rec, a.logicalId);
  resourceEvent(env.backend, rec, r, "CREATE_IN_PROGRESS");
  const made = p.create(resolveDynamic(env, r.properties), providerContext(env, rec, a.logicalId));
  r.physicalId = made.physicalId;
  r.attributes = made.attributes;
  r.stackTags = rec.current.tags;
  resourceEvent(env.backend, rec, r, "CREATE_IN_PROGRESS", "Resource creation Initiated");
  finishOrSettle(env, rec, a, p, r, "CREATE_COMPLETE");
}

function finishOrSettle(env: Env, rec: StackRecord, a: Action, p: ResourceProvider, r: ResourceRecord, status: "CREATE_COMPLETE" | "UPDATE_COMPLETE"): void {
  a.state = "running";
  if (!p.settle) return settled(env, rec, a, r, "done", status);
  settleAction(env, rec, a);
}

function settled(env: Env, rec: StackRecord, a: Action, r: ResourceRecord, progress: Progress, status: ResourceRecord["status"]): void {
  if (progress === "wait") return;
  if (progress === "done") {
    a.state = "done";
    resourceEvent(env.backend, rec, r, status);
  } else fail(env, rec, a, progress.failed);
}

/** Checks a running action's resource again (an ECS service reaching a steady state, a service draining). */
export function settleAction(env: Env, rec: StackRecord, a: Action): void {
  const r = a.kind === "deleteOld" ? a.old! : rec.resources.get(a.logicalId)!;
  const p = providerFor(r.type)!;
  const pc = providerContext(env, rec, a.logicalId);
  try {
    if (a.kind === "delete" || a.kind === "deleteOld") {
      settled(env, rec, a, r, p.settleDelete ? p.settleDelete(r, pc) : "done", "DELETE_COMPLETE");
      if (a.state === "done" && a.kind === "delete" && rec.run?.kind !== "DELETE") rec.resources.delete(a.logicalId);
      return;
    }
    settled(env, rec, a, r, p.settle ? p.settle(r, pc) : "done", a.kind === "create" ? "CREATE_COMPLETE" : "UPDATE_COMPLETE");
  } catch (e) {
    fail(env, rec, a, reasonOf(e));
  }
}

/** Whether a running action's resource would settle (or fail) if checked now; changes nothing. */
export function settledNow(env: Env, rec: StackRecord, a: Action): boolean {
  const r = a.kind === "deleteOld" ? a.old! : rec.resources.get(a.logicalId);
  if (!r) return true;
  const p = providerFor(r.type)!;
  const pc = providerContext(env, rec, a.logicalId);
  try {
    if (a.kind === "delete" || a.kind === "deleteOld") return !p.settleDelete || p.settleDelete(r, pc) !== "wait";
    return !p.settle || p.settle(r, pc, false) !== "wait";
  } catch {
    return true;
  }
}

function update(env: Env, rec: StackRecord, run: Run, a: Action): void {
  const old = rec.resources.get(a.logicalId)!;
  const decl = rec.current.template.Resources[a.logicalId];
  const p = providerFor(decl.Type)!;
  const props = properties(env, rec, a.logicalId);
  old.deletionPolicy = decl.DeletionPolicy;
  old.updateReplacePolicy = decl.UpdateReplacePolicy;
  old.metadata = decl.Metadata;
  const retag = p.taggable === true && JSON.stringify(old.stackTags ?? []) !== JSON.stringify(rec.current.tags);
  const found = decl.Type !== old.type ? "replace" : effectOf(p, old.properties, props);
  const effect = found === "none" && retag ? "update" : found;
  if (effect === "none") {
    a.state = "skipped";
    return;
  }
  const refusal = denied(run.policy, effect === "replace" ? "Update:Replace" : "Update:Modify", a.logicalId, old.type);
  if (refusal) throw new Error(refusal);
  a.old = structuredClone(old);
  if (effect === "update") {
    old.properties = props;
    resourceEvent(env.backend, rec, old, "UPDATE_IN_PROGRESS");
    const made = p.update!(resolveDynamic(env, props), resolvedRecord(env, a.old), providerContext(env, rec, a.logicalId));
    old.physicalId = made.physicalId;
    old.attributes = made.attributes;
    old.stackTags = rec.current.tags;
    return finishOrSettle(env, rec, a, p, old, "UPDATE_COMPLETE");
  }
  const name = p.nameProperty;
  if (name && props[name] !== undefined && props[name] === a.old.properties?.[name]) {
    throw new Error(`CloudFormation cannot update a stack when a custom-named resource requires replacing. Rename ${String(props[name])} and update the stack again.`);
  }
  const r = newRecord(rec, a.logicalId, old.updated);
  r.properties = props;
  rec.resources.set(a.logicalId, r);
  resourceEvent(env.backend, rec, r, "UPDATE_IN_PROGRESS", "Requested update requires the creation of a new physical resource; hence creating one.");
  const made = p.create(resolveDynamic(env, props), providerContext(env, rec, a.logicalId));
  r.physicalId = made.physicalId;
  r.attributes = made.attributes;
  r.stackTags = rec.current.tags;
  if (a.old.updateReplacePolicy !== "Retain") run.cleanup.push(a.old);
  resourceEvent(env.backend, rec, r, "UPDATE_IN_PROGRESS", "Resource creation Initiated");
  finishOrSettle(env, rec, a, p, r, "UPDATE_COMPLETE");
}

/** An update rollback: the resource goes back to the record it had before the failed update. */
function restore(env: Env, rec: StackRecord, run: Run, a: Action): void {
  const now = rec.resources.get(a.logicalId)!;
  const before = a.old!;
  const p = providerFor(before.type)!;
  if (now.physicalId !== before.physicalId) {
    // A replacement: the old physical resource is still there; the new one goes in the cleanup.
    if (now.physicalId !== undefined) run.cleanup.push(now);
    const r = { ...structuredClone(before), status: now.status };
    rec.resources.set(a.logicalId, r);
    resourceEvent(env.backend, rec, r, "UPDATE_IN_PROGRESS");
    a.state = "done";
    resourceEvent(env.backend, rec, r, "UPDATE_COMPLETE");
    return;
  }
  resourceEvent(env.backend, rec, now, "UPDATE_IN_PROGRESS");
  const made = p.update!(resolveDynamic(env, before.properties ?? {}), resolvedRecord(env, now), providerContext(env, rec, a.logicalId));
  now.properties = before.properties;
  now.stackTags = before.stackTags;
  now.physicalId = made.physicalId;
  now.attributes = made.attributes;
  finishOrSettle(env, rec, a, p, now, "UPDATE_COMPLETE");
}

function remove(env: Env, rec: StackRecord, a: Action): void {
  const r = a.kind === "deleteOld" ? a.old! : rec.resources.get(a.logicalId);
  if (!r) {
    a.state = "done";
    return;
  }
  const drop = () => {
    a.state = "done";
    if (a.kind === "delete" && rec.run?.kind !== "DELETE") rec.resources.delete(a.logicalId);
  };
  if (r.physicalId === undefined || r.status === "DELETE_COMPLETE") {
    resourceEvent(env.backend, rec, r, "DELETE_COMPLETE");
    return drop();
  }
  const retained = a.kind === "delete" && rec.run?.retain?.includes(a.logicalId);
  if (retained || (a.kind === "delete" && (r.deletionPolicy === "Retain" || r.deletionPolicy === "RetainExceptOnCreate") && !(r.deletionPolicy === "RetainExceptOnCreate" && rec.run?.kind === "ROLLBACK"))) {
    resourceEvent(env.backend, rec, r, "DELETE_SKIPPED");
    return drop();
  }
  const p = providerFor(r.type)!;
  resourceEvent(env.backend, rec, r, "DELETE_IN_PROGRESS");
  try {
    p.delete(r, providerContext(env, rec, r.logicalId));
  } catch (e) {
    if (!notFound(e)) throw e;
  }
  a.state = "running";
  settleAction(env, rec, a);
}
