import type { Handler } from "../context.js";
import { activeCluster, checkClusterSettings, describeCluster, mergeClusterSettings } from "../domain/clusters.js";

export const updateClusterSettings: Handler<"UpdateClusterSettings"> = (input, { state }) => {
  const rec = activeCluster(state, input.cluster);
  checkClusterSettings(input.settings);
  rec.cluster.settings = mergeClusterSettings(rec.cluster.settings, input.settings);
  return { cluster: describeCluster(state, rec) };
};
