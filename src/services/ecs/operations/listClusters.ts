import type { Handler } from "../context.js";
import { paginate } from "../domain/pagination.js";

export const listClusters: Handler<"ListClusters"> = (input, { state }) => {
  // INACTIVE clusters stay listed until they are forgotten, as in ECS.
  const arns = [...state.clusters.values()].map((r) => r.cluster.clusterArn!);
  const page = paginate(arns, (arn) => arn, input.maxResults, input.nextToken);
  return { clusterArns: page.items, ...(page.nextToken ? { nextToken: page.nextToken } : {}) };
};
