import type { Handler } from "../context.js";
import { InvalidParameterException } from "../generated/errors.js";
import type { DaemonRevision, Failure } from "../generated/types.js";

export const describeDaemonRevisions: Handler<"DescribeDaemonRevisions"> = (input, { state }) => {
  if (input.daemonRevisionArns.length > 20) throw new InvalidParameterException("You can specify up to 20 daemon revision ARNs.");
  const daemonRevisions: DaemonRevision[] = [];
  const failures: Failure[] = [];
  for (const arn of input.daemonRevisionArns) {
    const rev = state.daemonRevisions.get(arn);
    if (rev) daemonRevisions.push(structuredClone(rev.revision));
    else failures.push({ arn, reason: "MISSING" });
  }
  return { daemonRevisions, failures };
};
