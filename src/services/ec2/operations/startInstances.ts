import { AwsError } from "../../../protocol/errors.js";
import type { Handler } from "../context.js";
import type { InstanceStateName } from "../generated/types.js";
import { findInstances } from "../domain/instanceIds.js";
import { RUN_IF_PENDING, setState, stateChange } from "../domain/instances.js";

export const startInstances: Handler<"StartInstances"> = (input, ctx) => {
  const { state, backend } = ctx;
  const recs = findInstances(state, input.InstanceIds);
  for (const r of recs) {
    const s = r.instance.State!.Name!;
    if (s === "terminated" || s === "shutting-down" || s === "stopping") {
      throw new AwsError("IncorrectInstanceState", `The instance '${r.instance.InstanceId}' is not in a state from which it can be started.`);
    }
  }
  return {
    StartingInstances: recs.map((r) => {
      const previous = r.instance.State!.Name! as InstanceStateName;
      if (previous === "stopped") {
        r.instance.StateTransitionReason = "";
        setState(backend, state, r, "pending");
        r.timer = backend.timeline.callAfter(backend.config.timings.instancePendingMs, RUN_IF_PENDING, backend, state, r);
      }
      return stateChange(r.instance.InstanceId!, previous, r.instance.State!.Name!);
    }),
  };
};
