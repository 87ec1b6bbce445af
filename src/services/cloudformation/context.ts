// What a CloudFormation operation receives besides its input, the stacks it keeps, and the shape of its dispatch table.
import type { Backends } from "../backends.js";
import type { ServiceBackend, ServiceContext } from "../serviceBackend.js";
import type { Timer } from "../../engine/timeline.js";
import type { RequestContext } from "../../protocol/context.js";
import type { Input, Operation, Output } from "./generated/operations.js";
import type { ChangeSetStatus, ExecutionStatus, Parameter, ResourceStatus, Stack, StackEvent, Change } from "./generated/types.js";
import type { Template } from "./template/types.js";

/** Stacks of one account in one region. */
export interface CloudFormationState {
  accountId: string;
  region: string;
  /** Every stack by id, deleted ones too until they are forgotten. */
  stacks: Map<string, StackRecord>;
  /** Live stacks by name (a deleted stack's name is free again). */
  names: Map<string, string>;
  /** Exported output values by export name: unique in the region. */
  exports: Map<string, { stackId: string; value: string }>;
}

/**
 * A stack event as the stack keeps it: what DescribeStackEvents shows (domain/events.ts, showEvent)
 * less what follows from the stack: its id and name always; for the stack's own events, their logical
 * and physical ids and type; for a resource's, the event id (its logical id, status and time). Kept
 * for 90 days after a delete, many per stack: each field left out is left out of every one.
 */
export type StoredEvent = Omit<StackEvent, "StackId" | "StackName" | "EventId"> & Partial<Pick<StackEvent, "StackId" | "StackName" | "EventId">>;

/** A resource as the stack holds it: what was declared, what was made of it. */
export interface ResourceRecord {
  logicalId: string;
  type: string;
  physicalId?: string;
  status: ResourceStatus;
  reason?: string;
  /** Epoch seconds of the last status change. */
  updated: number;
  /** The properties as last applied, every intrinsic function resolved: what updates compare with. */
  properties?: Record<string, unknown>;
  /** The stack's tags when the resource was last made or updated (a change of them updates taggable resources). */
  stackTags?: { Key: string; Value: string }[];
  /** What the provider returned besides the physical id, for Fn::GetAtt. */
  attributes: Record<string, unknown>;
  description?: string;
  metadata?: unknown;
  /** The declaration's DeletionPolicy / UpdateReplacePolicy. */
  deletionPolicy?: string;
  updateReplacePolicy?: string;
}

/** One template with the parameter values it was deployed with. */
export interface Deployment {
  body: string;
  template: Template;
  /** Resolved values by parameter name (strings, lists joined with commas as AWS passes them). */
  values: Record<string, string>;
  /** Values as given (an SSM-typed parameter's parameter name): what UsePreviousValue reuses. */
  given?: Record<string, string>;
  /** The parameters as DescribeStacks lists them (NoEcho masked). */
  parameters: Parameter[];
  /** Where an SSM-typed parameter's value came from. */
  resolved: Record<string, string>;
  conditions: Record<string, boolean>;
  tags: { Key: string; Value: string }[];
  capabilities: string[];
  notificationArns: string[];
  disableRollback: boolean;
}

export interface StackRecord {
  stack: Omit<Stack, "Outputs" | "Parameters" | "Tags" | "Capabilities" | "NotificationARNs">;
  /** What the stack is now built from (the template being applied while an operation runs). */
  current: Deployment;
  /** The last deployment that completed: an update rolls back to it. */
  previous?: Deployment;
  resources: Map<string, ResourceRecord>;
  outputs: { OutputKey: string; OutputValue: string; Description?: string; ExportName?: string }[];
  /** Newest first, as DescribeStackEvents lists them (through showEvent). */
  events: StoredEvent[];
  changeSets: Map<string, ChangeSetRecord>;
  /** ClientRequestToken of the last stack operation with the operation it named. */
  token?: { value: string; operation: string };
  /** The operation running on the stack (src/services/cloudformation/engine/run.ts). */
  run?: Run;
  /** OnFailure DELETE: a failed create is rolled back and the stack deleted. */
  onFailureDelete?: boolean;
  /** Export names the stack's resources and outputs import (Fn::ImportValue), for ListImports and export changes. */
  imports: string[];
  /** The stack policy body (SetStackPolicy, CreateStack's StackPolicyBody). */
  policy?: string;
  /** An update that failed with rollback disabled (UPDATE_FAILED): what RollbackStack undoes. */
  failedUpdate?: Run;
}

export interface ChangeSetRecord {
  id: string;
  name: string;
  type: "CREATE" | "UPDATE";
  description?: string;
  creationTime: number;
  status: ChangeSetStatus;
  statusReason?: string;
  executionStatus: ExecutionStatus;
  deployment: Deployment;
  /** The parameters as the request gave them: a repeated request under the same name must match. */
  requested: Parameter[];
  changes: Change[];
  /** What a failed execution does: ROLLBACK (the default), DO_NOTHING, or DELETE (CREATE only). */
  onStackFailure?: "ROLLBACK" | "DO_NOTHING" | "DELETE";
  /** The service role the stack operates with once the change set runs (the stack's RoleARN). */
  roleArn?: string;
}

/** One step of a stack operation on one resource. */
export interface Action {
  logicalId: string;
  kind: "create" | "update" | "delete" | "deleteOld" | "restore";
  /** Resources whose action must finish first. */
  after: string[];
  state: "waiting" | "running" | "done" | "failed" | "skipped";
  /** For deleteOld (a replaced resource's old physical resource) and restore (the record before the update). */
  old?: ResourceRecord;
}

export type RunKind = "CREATE" | "UPDATE" | "DELETE" | "ROLLBACK" | "UPDATE_ROLLBACK" | "IMPORT";

/** A stack operation in progress: its phase, its actions and the timer of its next step. */
export interface Run {
  kind: RunKind;
  phase: "main" | "cleanup";
  actions: Action[];
  timer?: Timer;
  /** Resources of a stack in DELETE_FAILED that the delete leaves alone. */
  retain?: string[];
  token?: string;
  /** A cancellation was asked for (CancelUpdateStack), or the creation timed out. */
  cancelled?: boolean;
  /** The stack policy this update is held to (StackPolicyDuringUpdateBody, else the stack's). */
  policy?: import("./domain/stackPolicy.js").PolicyStatement[];
  /** Why the operation stopped when no resource failed (a timeout). */
  reason?: string;
  /** Physical resources to delete in the cleanup phase: replaced ones (an update), or those a failed update made (its rollback). */
  cleanup: ResourceRecord[];
  /** The request that started the operation: its account, region and caller make the calls of every step. */
  request: RequestContext;
  /** The deployment an update rollback undoes: the order its new resources are deleted in. */
  undo?: Deployment;
  /** Export names imported while the operation evaluated the template. */
  imports: Set<string>;
}

/** A stack operation waiting for a running resource to settle. */
export interface Waker {
  state: CloudFormationState;
  rec: StackRecord;
  run: Run;
  /** The step it waits with: another step since makes this look stale. */
  timer: Timer;
}

export interface CloudFormationBackend extends ServiceBackend<CloudFormationState> {
  /** The other services' backends, through the ports they offer. */
  peers: Backends;
  /** How long each step of a stack operation takes, in ms: 0 completes a stack at the next turn; tests may step through it. */
  stepMs: number;
  /** Stack operations waiting on resources to settle, checked after each batch of due work (service.ts). */
  wakers: Set<Waker>;
}

export type CloudFormationContext = ServiceContext<CloudFormationState, CloudFormationBackend>;

export type Handler<Op extends Operation> = (input: Input<Op>, ctx: CloudFormationContext) => Output<Op> | Promise<Output<Op>>;

/** Every generated operation, each with its handler or null while ecs-local lacks it. */
export type Handlers = { [Op in Operation]: Handler<Op> | null };
