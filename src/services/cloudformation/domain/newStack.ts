// A new stack record (CreateStack, or CreateChangeSet of type CREATE, which leaves it in REVIEW_IN_PROGRESS).
import type { CloudFormationContext, Deployment, StackRecord } from "../context.js";
import { AlreadyExistsException } from "../generated/errors.js";
import { validation } from "../template/errors.js";
import { stackId } from "./stacks.js";

const NAME = /^[a-zA-Z][-a-zA-Z0-9]*$/;

export function checkStackName(name: string): void {
  if (!NAME.test(name) || name.length > 128) {
    throw validation(`1 validation error detected: Value '${name}' at 'stackName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z][-a-zA-Z0-9]*|arn:[-a-zA-Z0-9:/._+]*`);
  }
}

export function checkNameFree(ctx: CloudFormationContext, name: string): void {
  if (ctx.state.names.has(name)) throw new AlreadyExistsException(`Stack [${name}] already exists`);
}

/** A stack's identity before it is stored: what a deployment is prepared for (AWS::StackId). */
export function stackIdentity(ctx: CloudFormationContext, name: string, status: string) {
  return { stack: { StackId: stackId(ctx.state, name, ctx.backend.ids), StackName: name, CreationTime: ctx.now(), StackStatus: status as never } };
}

export function newStack(ctx: CloudFormationContext, identity: ReturnType<typeof stackIdentity>, d: Deployment, protect = false): StackRecord {
  const { StackId: id, StackName: name } = identity.stack;
  const rec: StackRecord = {
    stack: { ...identity.stack, EnableTerminationProtection: protect },
    current: d,
    resources: new Map(),
    outputs: [],
    events: [],
    changeSets: new Map(),
    imports: [],
    // Members every stack gets soon after, in the record from the start: added later, they went to
    // a second array beside it (about 40 bytes a stack, kept 90 days after a delete).
    onFailureDelete: false,
    run: undefined,
    previous: undefined,
  };
  ctx.state.stacks.set(id, rec);
  ctx.state.names.set(name, id);
  return rec;
}

/** The deployment of a stack that has none yet (REVIEW_IN_PROGRESS): an empty template. */
export function emptyDeployment(): Deployment {
  return { body: "", template: { Resources: {} }, values: {}, parameters: [], resolved: {}, conditions: {}, tags: [], capabilities: [], notificationArns: [], disableRollback: false };
}
