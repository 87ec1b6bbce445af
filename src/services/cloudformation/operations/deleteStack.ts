import type { Handler } from "../context.js";
import { repeated, withPeers } from "../domain/operations.js";
import { stackEvent } from "../domain/events.js";
import { deletePlan } from "../engine/plans.js";
import { startRun } from "../engine/run.js";
import { importers } from "../engine/outputs.js";
import { validation } from "../template/errors.js";

/** A stack that does not exist is no error (AWS answers the same); resources are deleted on the server's clock. */
export const deleteStack: Handler<"DeleteStack"> = (input, ctx) =>
  withPeers(ctx, () => {
    const { state, backend } = ctx;
    const id = input.StackName.startsWith("arn:") ? input.StackName : state.names.get(input.StackName);
    const rec = id ? state.stacks.get(id) : undefined;
    if (!rec || rec.stack.StackStatus === "DELETE_COMPLETE") return {};
    if (repeated(rec, input.ClientRequestToken, "DeleteStack")) return {};
    if (rec.stack.EnableTerminationProtection) throw validation(`Stack [${rec.stack.StackName}] cannot be deleted while TerminationProtection is enabled`);
    if (input.RetainResources?.length && rec.stack.StackStatus !== "DELETE_FAILED") {
      throw validation("Invalid operation on stack: RetainResources can only be specified when the stack is in the DELETE_FAILED state");
    }
    if (rec.run?.kind === "DELETE") return {};
    const env = { backend, state, request: ctx.request };
    const inUse = rec.outputs.filter((o) => o.ExportName !== undefined).map((o) => [o.ExportName!, importers(env, o.ExportName!, rec.stack.StackId)] as const).find(([, users]) => users.length);
    if (inUse) {
      // The delete does not start: the stack keeps its status, with an event saying why (as AWS answers).
      stackEvent(backend, rec, rec.stack.StackStatus, `Export ${inUse[0]} cannot be deleted as it is in use by ${inUse[1].join(", ")}`);
      return {};
    }
    if (input.ClientRequestToken !== undefined) rec.token = { value: input.ClientRequestToken, operation: "DeleteStack" };
    const deployments = [rec.current, ...(rec.previous ? [rec.previous] : [])];
    startRun(backend, state, rec, "DELETE", deletePlan(rec, [...rec.resources.keys()], deployments), ctx.request, { token: input.ClientRequestToken, retain: input.RetainResources });
    stackEvent(backend, rec, "DELETE_IN_PROGRESS", "User Initiated");
    return {};
  });
