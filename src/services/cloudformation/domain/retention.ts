// Deleted stacks stay listed (ListStacks) and describable by id for a while, then are forgotten.
import { defineTimer } from "../../../engine/timers.js";
import type { Deployment, ResourceRecord, StackRecord } from "../context.js";
import type { Env } from "../engine/env.js";
import type { Template } from "../template/types.js";
import { declaredTransforms } from "./deployment.js";
import { EMPTY } from "../../../state/shared.js";

/** AWS keeps deleted stacks for 90 days (ListStacks' documentation); so does ecs-local. */
export const DELETED_STACK_RETENTION_MS = 90 * 24 * 3600 * 1000;

export function forgetLater(env: Pick<Env, "backend" | "state">, rec: StackRecord): void {
  compactDeleted(rec);
  // Not kept on the record (nothing cancels it: FORGET checks the record is still the stack's).
  env.backend.timeline.callAfter(DELETED_STACK_RETENTION_MS, FORGET, env.state, rec);
}

const FORGET = defineTimer("cloudformation.forgetStack", (state: Env["state"], rec: StackRecord) => {
  if (state.stacks.get(rec.stack.StackId!) === rec) state.stacks.delete(rec.stack.StackId!);
});

const NOTHING: Record<string, never> = Object.freeze({});
const NO_TEMPLATE: Template = Object.freeze({ Resources: NOTHING });

/**
 * The change sets of every deleted stack: none, and none can be added (CreateChangeSet makes a new
 * stack for a deleted one's name and refuses its id; DELETE_COMPLETE clears them first). A Map each
 * held about 180 bytes for 90 days.
 */
const NO_CHANGE_SETS: StackRecord["changeSets"] = new Map();

/**
 * A deleted stack keeps, for its 90 days, what DescribeStacks, ListStacks, DescribeStackEvents,
 * DescribeStackResource(s), ListStackResources, GetTemplate and GetTemplateSummary still answer for
 * it by id: its own fields, events, template text, parameters as listed, tags, capabilities and
 * notification ARNs, and each resource's ids, type, status, reason, time and metadata. What only an
 * operation on a live stack reads (resolved properties and attributes, parameter values and their
 * sources, conditions, the parsed template, the deployment before) is let go.
 */
export function compactDeleted(rec: StackRecord): void {
  rec.stack = keptStack(rec.stack);
  rec.current = keptDeployment(rec.current);
  // Cleared only where set: a new member would grow the record.
  if (rec.previous) rec.previous = undefined;
  if (rec.failedUpdate) rec.failedUpdate = undefined;
  for (const [id, r] of rec.resources) rec.resources.set(id, keptResource(r));
  // Exactly as long as it is: a list grown by unshift has room to spare.
  rec.events = rec.events.slice();
  if (!rec.changeSets.size) rec.changeSets = NO_CHANGE_SETS;
  if (!rec.imports.length) rec.imports = EMPTY;
  if (!rec.outputs.length) rec.outputs = EMPTY;
}

/** A copy with every member a deleted stack has in the object itself: the deletes of StackStatusReason had left it a dictionary. */
function keptStack(s: StackRecord["stack"]): StackRecord["stack"] {
  const { StackId, StackName, CreationTime, StackStatus, DeletionTime, EnableTerminationProtection, ...rest } = s;
  return { StackId, StackName, CreationTime, StackStatus, DeletionTime, EnableTerminationProtection, ...rest };
}

const orShared = <T>(list: T[]): T[] => (list.length ? list : EMPTY);

function keptDeployment(d: Deployment): Deployment {
  // GetTemplate's Processed stage writes the parsed template of a transformed one; the others need only its description.
  const template: Template = d.body.includes("Transform") && declaredTransforms(d.body).length > 0 ? d.template : d.template.Description !== undefined ? { Description: d.template.Description, Resources: NOTHING } : NO_TEMPLATE;
  return {
    body: d.body,
    template,
    values: NOTHING,
    parameters: orShared(d.parameters),
    resolved: NOTHING,
    conditions: NOTHING,
    tags: orShared(d.tags),
    capabilities: orShared(d.capabilities),
    notificationArns: orShared(d.notificationArns),
    disableRollback: d.disableRollback,
  };
}

function keptResource(r: ResourceRecord): ResourceRecord {
  // The usual resource in a literal of its exact size (one with spreads keeps room for them).
  if (r.physicalId !== undefined && r.reason === undefined && r.metadata === undefined) {
    return { logicalId: r.logicalId, type: r.type, physicalId: r.physicalId, status: r.status, updated: r.updated, attributes: NOTHING };
  }
  return {
    logicalId: r.logicalId,
    type: r.type,
    ...(r.physicalId !== undefined ? { physicalId: r.physicalId } : {}),
    status: r.status,
    ...(r.reason !== undefined ? { reason: r.reason } : {}),
    updated: r.updated,
    attributes: NOTHING,
    ...(r.metadata !== undefined ? { metadata: r.metadata } : {}),
  };
}
