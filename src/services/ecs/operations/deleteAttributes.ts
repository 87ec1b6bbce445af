import type { Handler } from "../context.js";
import { activeCluster } from "../domain/clusters.js";
import { byTarget } from "../domain/attributeTargets.js";
import { bump } from "../domain/containerInstances.js";
import { checkCallSize } from "../domain/instanceAttributes.js";

export const deleteAttributes: Handler<"DeleteAttributes"> = (input, { state }) => {
  const rec = activeCluster(state, input.cluster);
  checkCallSize(input.attributes);
  const groups = byTarget(state, rec, input.attributes);
  for (const [ci, attrs] of groups) {
    const names = new Set(attrs.map((a) => a.name));
    const kept = (ci.attributes ?? []).filter((a) => !names.has(a.name));
    if (kept.length !== (ci.attributes ?? []).length) bump(ci);
    ci.attributes = kept;
  }
  return { attributes: input.attributes };
};
