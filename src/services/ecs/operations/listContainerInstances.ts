import type { Handler } from "../context.js";
import { activeCluster } from "../domain/clusters.js";
import { matchesExpression, parseExpression } from "../domain/clusterQuery.js";
import { describeInstance } from "../domain/containerInstances.js";
import { checkMaxResults, paginate } from "../domain/pagination.js";

export const listContainerInstances: Handler<"ListContainerInstances"> = (input, { state }) => {
  const rec = activeCluster(state, input.cluster);
  checkMaxResults(input.maxResults);
  if (input.filter) parseExpression(input.filter);
  const groupsOn = (arn: string) => [...rec.index.liveOn(arn)].map((t) => t.group ?? "");
  // Deregistered (INACTIVE) instances are never listed; without a status, ACTIVE and DRAINING ones are.
  const arns = [...rec.instances.values()]
    .filter((ci) => ci.status !== "INACTIVE" && (!input.status || ci.status === input.status))
    .filter((ci) => !input.filter || matchesExpression(input.filter, describeInstance(state, rec, ci), { taskGroups: groupsOn(ci.containerInstanceArn!) }))
    .map((ci) => ci.containerInstanceArn!);
  const page = paginate(arns, (arn) => arn, input.maxResults, input.nextToken);
  return { containerInstanceArns: page.items, ...(page.nextToken ? { nextToken: page.nextToken } : {}) };
};
