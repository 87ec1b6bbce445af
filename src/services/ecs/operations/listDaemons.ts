import type { Handler } from "../context.js";
import { activeCluster } from "../domain/clusters.js";
import { capacityProviderName } from "../domain/capacityProviders.js";
import { paginate } from "../domain/pagination.js";

export const listDaemons: Handler<"ListDaemons"> = (input, { state }) => {
  const cluster = input.clusterArn !== undefined ? activeCluster(state, input.clusterArn).cluster.clusterName : undefined;
  const providers = input.capacityProviderArns?.map(capacityProviderName);
  const matching = [...state.daemons.values()].filter((d) => {
    if (d.deleted || (cluster !== undefined && d.clusterName !== cluster)) return false;
    if (!providers?.length) return true;
    const covered = state.daemonRevisions.get(d.revisionArn)?.capacityProviders ?? [];
    return providers.some((p) => covered.includes(p));
  });
  const page = paginate(matching, (d) => d.daemonArn, input.maxResults, input.nextToken);
  return {
    daemonSummariesList: page.items.map((d) => ({ daemonArn: d.daemonArn, status: d.status, createdAt: d.createdAt, updatedAt: d.updatedAt })),
    ...(page.nextToken ? { nextToken: page.nextToken } : {}),
  };
};
