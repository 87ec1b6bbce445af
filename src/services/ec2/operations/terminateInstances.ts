import type { Handler } from "../context.js";
import type { InstanceStateName } from "../generated/types.js";
import { computeErrors } from "../domain/computeErrors.js";
import { findInstances } from "../domain/instanceIds.js";
import { setState, stateChange, userInitiated } from "../domain/instances.js";

/** Any instance may be terminated; a terminated one answers terminated → terminated. */
export const terminateInstances: Handler<"TerminateInstances"> = (input, ctx) => {
  const { state, backend } = ctx;
  const recs = findInstances(state, input.InstanceIds);
  // Termination protection refuses the whole call, before any instance changes.
  for (const r of recs) if (r.settings?.disableApiTermination && r.instance.State?.Name !== "terminated") throw computeErrors.mayNotTerminate(r.instance.InstanceId!);
  return {
    TerminatingInstances: recs.map((r) => {
      const previous = r.instance.State!.Name! as InstanceStateName;
      if (previous !== "terminated" && previous !== "shutting-down") {
        r.instance.StateTransitionReason = userInitiated(ctx.now());
        setState(backend, state, r, "shutting-down");
      }
      return stateChange(r.instance.InstanceId!, previous, r.instance.State!.Name!);
    }),
  };
};
