import { AwsError } from "../../../protocol/errors.js";
import type { Handler } from "../context.js";
import type { InstanceStateName } from "../generated/types.js";
import { computeErrors } from "../domain/computeErrors.js";
import { findInstances } from "../domain/instanceIds.js";
import { setState, stateChange, userInitiated } from "../domain/instances.js";

export const stopInstances: Handler<"StopInstances"> = (input, ctx) => {
  const { state, backend } = ctx;
  const recs = findInstances(state, input.InstanceIds);
  for (const r of recs) {
    const s = r.instance.State!.Name!;
    if (s === "terminated" || s === "shutting-down") throw new AwsError("IncorrectInstanceState", `This instance '${r.instance.InstanceId}' is not in a state from which it can be stopped.`);
    if (r.settings?.disableApiStop) throw computeErrors.mayNotStop(r.instance.InstanceId!);
  }
  return {
    StoppingInstances: recs.map((r) => {
      const previous = r.instance.State!.Name! as InstanceStateName;
      if (previous === "running" || previous === "pending") {
        r.instance.StateTransitionReason = userInitiated(ctx.now());
        setState(backend, state, r, "stopping");
      }
      return stateChange(r.instance.InstanceId!, previous, r.instance.State!.Name!);
    }),
  };
};
