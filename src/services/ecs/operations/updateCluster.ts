import type { EcsContext, Handler } from "../context.js";
import type { UpdateClusterRequest, UpdateClusterResponse } from "../generated/types.js";
import { activeCluster, checkClusterSettings, describeCluster, mergeClusterSettings } from "../domain/clusters.js";
import { serviceConnectDefaults, whenServiceConnect } from "../domain/serviceConnect.js";

/** Changes only what the request names: settings by name, the configuration parts given, the Service Connect default. */
export const updateCluster: Handler<"UpdateCluster"> = (input, ctx) => whenServiceConnect(ctx, !!input.serviceConnectDefaults?.namespace, () => update(input, ctx));

function update(input: UpdateClusterRequest, ctx: EcsContext): UpdateClusterResponse {
  const { state } = ctx;
  const rec = activeCluster(state, input.cluster);
  checkClusterSettings(input.settings);
  const c = rec.cluster;
  if (input.settings) c.settings = mergeClusterSettings(c.settings, input.settings);
  if (input.configuration) c.configuration = { ...c.configuration, ...input.configuration };
  if (input.serviceConnectDefaults) {
    const scd = serviceConnectDefaults(ctx, input.serviceConnectDefaults);
    if (scd) c.serviceConnectDefaults = scd;
    else delete c.serviceConnectDefaults;
  }
  return { cluster: describeCluster(state, rec) };
}
