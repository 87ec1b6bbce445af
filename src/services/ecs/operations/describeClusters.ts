import type { Handler } from "../context.js";
import type { Cluster, Failure } from "../generated/types.js";
import { DEFAULT_CLUSTER, clusterArn, clusterName, describeCluster, findCluster } from "../domain/clusters.js";

export const describeClusters: Handler<"DescribeClusters"> = (input, { state }) => {
  const clusters: Cluster[] = [];
  const failures: Failure[] = [];
  const refs = input.clusters?.length ? input.clusters : [DEFAULT_CLUSTER];
  for (const ref of refs) {
    const name = clusterName(ref);
    const rec = findCluster(state, ref);
    if (rec) clusters.push(describeCluster(state, rec, input.include ?? []));
    else failures.push({ arn: ref.startsWith("arn:") ? ref : clusterArn(state, name), reason: "MISSING" });
  }
  return { clusters, failures };
};
