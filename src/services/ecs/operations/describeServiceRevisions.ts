import type { Handler } from "../context.js";
import { InvalidParameterException } from "../generated/errors.js";
import type { Failure, ServiceRevision } from "../generated/types.js";
import { findRevision } from "../domain/serviceRevisions.js";
import { managedResources } from "../express/views.js";

export const describeServiceRevisions: Handler<"DescribeServiceRevisions"> = (input, { state }) => {
  if (input.serviceRevisionArns.length === 0) throw new InvalidParameterException("Service revision ARNs cannot be empty.");
  if (input.serviceRevisionArns.length > 20) throw new InvalidParameterException("serviceRevisionArns can have at most 20 items.");
  const serviceRevisions: ServiceRevision[] = [];
  const failures: Failure[] = [];
  for (const arn of input.serviceRevisionArns) {
    const r = findRevision(state, arn);
    const express = r && state.express.get(r.serviceArn!);
    // An Express service's revisions show what ECS manages for it, as it stands now.
    if (r) serviceRevisions.push({ ...structuredClone(r), ...(express ? { ecsManagedResources: managedResources(state, express) } : {}) });
    else failures.push({ arn, reason: "MISSING" });
  }
  return { serviceRevisions, failures };
};
