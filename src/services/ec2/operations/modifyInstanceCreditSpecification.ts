import type { Handler } from "../context.js";
import type { SuccessfulInstanceCreditSpecificationItem, UnsuccessfulInstanceCreditSpecificationItem } from "../generated/types.js";
import { computeErrors } from "../domain/computeErrors.js";
import { ec2Errors } from "../domain/errors.js";

/** Each instance succeeds or fails on its own, in the answer rather than as an error. */
export const modifyInstanceCreditSpecification: Handler<"ModifyInstanceCreditSpecification"> = (input, ctx) => {
  const { state } = ctx;
  for (const s of input.InstanceCreditSpecifications) {
    if (s.CpuCredits !== undefined && s.CpuCredits !== "standard" && s.CpuCredits !== "unlimited") {
      throw ec2Errors.invalidParameter(`Value (${s.CpuCredits}) for parameter cpuCredits is invalid. Valid values: standard, unlimited`);
    }
  }
  const done: SuccessfulInstanceCreditSpecificationItem[] = [];
  const failed: UnsuccessfulInstanceCreditSpecificationItem[] = [];
  for (const s of input.InstanceCreditSpecifications) {
    const id = s.InstanceId;
    const rec = state.instances.get(id);
    if (!/^i-[0-9a-f]{8,17}$/.test(id)) failed.push({ InstanceId: id, Error: { Code: "InvalidInstanceID.Malformed", Message: `Invalid id: "${id}"` } });
    else if (!rec) failed.push({ InstanceId: id, Error: { Code: "InvalidInstanceID.NotFound", Message: `The instance ID '${id}' does not exist` } });
    else if (rec.instance.State?.Name === "terminated" || rec.instance.State?.Name === "shutting-down") {
      failed.push({ InstanceId: id, Error: { Code: "IncorrectInstanceState", Message: `The instance '${id}' is not in a state from which its credit specification can be modified.` } });
    } else if (rec.settings?.cpuCredits === undefined) {
      failed.push({ InstanceId: id, Error: { Code: "InstanceCreditSpecification.NotSupported", Message: computeErrors.notBurstable(id).message } });
    } else {
      // Replaced, not edited: instances launched alike share one frozen settings object.
      if (s.CpuCredits) rec.settings = { ...rec.settings, cpuCredits: s.CpuCredits };
      done.push({ InstanceId: id });
    }
  }
  return { SuccessfulInstanceCreditSpecifications: done, UnsuccessfulInstanceCreditSpecifications: failed };
};
