import type { CloudFormationContext, Deployment, Handler, StackRecord } from "../context.js";
import { defineTimer } from "../../../engine/timers.js";
import { AlreadyExistsException } from "../generated/errors.js";
import { commonErrors } from "../../../protocol/errors.js";
import { prepareDeployment } from "../domain/deployment.js";
import { checkStackName, emptyDeployment, newStack, stackIdentity } from "../domain/newStack.js";
import { notUpdatable, withPeers } from "../domain/operations.js";
import { changeSetId, UPDATABLE } from "../domain/stacks.js";
import { stackEvent } from "../domain/events.js";
import { predictChanges, updateChangesNothing } from "../domain/changes.js";
import { validation } from "../template/errors.js";
import { s3Reader } from "../domain/templateUrl.js";

const NO_CHANGES = "The submitted information didn't contain changes. Submit different information to create a change set.";

function stackFor(ctx: CloudFormationContext, input: { StackName: string; ChangeSetType?: string }): StackRecord {
  const { state } = ctx;
  const type = input.ChangeSetType ?? "UPDATE";
  const id = input.StackName.startsWith("arn:") ? input.StackName : state.names.get(input.StackName);
  const rec = id ? state.stacks.get(id) : undefined;
  const live = rec && rec.stack.StackStatus !== "DELETE_COMPLETE" ? rec : undefined;
  if (type === "CREATE") {
    if (live && live.stack.StackStatus !== "REVIEW_IN_PROGRESS") throw new AlreadyExistsException(`Stack [${input.StackName}] already exists`);
    return live ?? ({} as StackRecord);
  }
  if (!live) throw validation(`Stack [${input.StackName}] does not exist`);
  if (!UPDATABLE.has(live.stack.StackStatus) || live.run) throw notUpdatable(live);
  return live;
}

/** The change set is worked out at once and shown as CREATE_PENDING until the next step of the clock. */
export const createChangeSet: Handler<"CreateChangeSet"> = (input, ctx) =>
  withPeers(ctx, () => {
    const { state, backend } = ctx;
    const type = input.ChangeSetType ?? "UPDATE";
    // ImportExistingResources is taken (`cdk bootstrap` always asks for it) but imports nothing: each
    // named resource is created, and one that already exists fails in its service's words.
    if (type === "IMPORT") throw commonErrors.unsupported("ecs-local does not import existing resources into stacks (ChangeSetType IMPORT).");
    if (input.DeploymentMode !== undefined) throw commonErrors.unsupported(`ecs-local does not detect drift, so it cannot deploy in mode ${input.DeploymentMode}.`);
    if (input.OnStackFailure !== undefined && type !== "CREATE" && input.OnStackFailure === "DELETE") throw validation("OnStackFailure DELETE is only valid when ChangeSetType is CREATE.");
    if (!/^[a-zA-Z][-a-zA-Z0-9]*$/.test(input.ChangeSetName)) throw validation(`1 validation error detected: Value '${input.ChangeSetName}' at 'changeSetName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z][-a-zA-Z0-9]*`);
    if (!input.StackName.startsWith("arn:")) checkStackName(input.StackName);
    let rec = stackFor(ctx, input);
    const fresh = rec.stack === undefined;
    const same = [...(rec.changeSets?.values() ?? [])].find((c) => c.name === input.ChangeSetName);
    if (same && (same.status === "FAILED" || (same.executionStatus !== "AVAILABLE" && same.executionStatus !== "UNAVAILABLE"))) {
      // Chosen: a change set of the name that failed or was executed gives way. The CLI names change
      // sets by the second, and ecs-local's deploys are quick enough for two of them to fall in one.
      rec.changeSets.delete(same.id);
    } else if (same) {
      // The same request again answers the same change set; another one under its name is refused.
      const body = input.TemplateURL !== undefined ? s3Reader(ctx)(input.TemplateURL) : input.TemplateBody;
      const mismatch = same.deployment.body !== body ? "Template" : JSON.stringify(same.requested) !== JSON.stringify(input.Parameters ?? []) ? "Parameters" : undefined;
      if (!mismatch) return { Id: same.id, StackId: rec.stack.StackId };
      throw new AlreadyExistsException(`ChangeSet ${input.ChangeSetName} cannot be created due to a mismatch with existing attribute ${mismatch}`);
    }
    const identity = fresh ? stackIdentity(ctx, input.StackName, "REVIEW_IN_PROGRESS") : rec;
    const previous = fresh || type === "CREATE" ? undefined : rec.current;
    const d: Deployment = prepareDeployment(ctx, identity, { ...input, DisableRollback: input.OnStackFailure === "DO_NOTHING" }, previous);
    if (fresh) {
      rec = newStack(ctx, identity as ReturnType<typeof stackIdentity>, emptyDeployment());
      stackEvent(backend, rec, "REVIEW_IN_PROGRESS", "User Initiated");
    }
    const env = { backend, state, request: ctx.request };
    const changes = predictChanges(env, rec, d);
    const empty = type === "UPDATE" && updateChangesNothing(env, rec, d, changes);
    const id = changeSetId(state, input.ChangeSetName, backend.ids);
    const cs = {
      id,
      name: input.ChangeSetName,
      type: type as "CREATE" | "UPDATE",
      ...(input.Description !== undefined ? { description: input.Description } : {}),
      creationTime: ctx.now(),
      status: "CREATE_PENDING" as const,
      executionStatus: "UNAVAILABLE" as const,
      deployment: d,
      changes,
      requested: input.Parameters ?? [],
      ...(input.OnStackFailure !== undefined ? { onStackFailure: input.OnStackFailure } : {}),
      ...(input.RoleARN !== undefined ? { roleArn: input.RoleARN } : {}),
    };
    rec.changeSets.set(id, cs);
    const target = rec;
    backend.timeline.callAfter(backend.stepMs, CREATED, target, id, cs, empty);
    return { Id: id, StackId: rec.stack.StackId };
  });

const CREATED = defineTimer("cloudformation.changeSetCreated", (target: StackRecord, id: string, cs: object, empty: boolean) => {
  if (target.changeSets.get(id) !== cs) return;
  if (empty) Object.assign(cs, { status: "FAILED", statusReason: NO_CHANGES });
  else Object.assign(cs, { status: "CREATE_COMPLETE", executionStatus: "AVAILABLE" });
});
