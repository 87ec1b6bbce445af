import type { Handler } from "../context.js";
import { paginate } from "../domain/pagination.js";

export const listClusters: Handler<"ListClusters"> = (input, { state }) => {
  const active = [...state.clusters.values()].filter((r) => r.cluster.status !== "INACTIVE").map((r) => r.cluster.clusterArn!);
  const page = paginate(active, (arn) => arn, input.maxResults, input.nextToken);
  return { clusterArns: page.items, ...(page.nextToken ? { nextToken: page.nextToken } : {}) };
};
