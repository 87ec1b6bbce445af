import type { Handler } from "../context.js";
import { activeCluster } from "../domain/clusters.js";
import { paginate } from "../domain/pagination.js";

/** ListServices pages by 10 unless told otherwise. */
const DEFAULT_PAGE = 10;

export const listServices: Handler<"ListServices"> = (input, ctx) => {
  const rec = activeCluster(ctx.state, input.cluster);
  const arns = function* () {
    // DRAINING and INACTIVE services are no longer listed.
    for (const { service: s } of rec.services.values()) {
      if (s.status !== "ACTIVE") continue;
      if (input.launchType !== undefined && s.launchType !== input.launchType) continue;
      if (input.schedulingStrategy !== undefined && s.schedulingStrategy !== input.schedulingStrategy) continue;
      if (input.resourceManagementType !== undefined && (s.resourceManagementType ?? "CUSTOMER") !== input.resourceManagementType) continue;
      yield s.serviceArn!;
    }
  };
  const page = paginate(arns(), (arn) => arn, input.maxResults ?? DEFAULT_PAGE, input.nextToken);
  return { serviceArns: page.items, ...(page.nextToken ? { nextToken: page.nextToken } : {}) };
};
