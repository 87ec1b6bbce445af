import type { Handler } from "../context.js";
import { activeCluster } from "../domain/clusters.js";
import { byTarget } from "../domain/attributeTargets.js";
import { bump } from "../domain/containerInstances.js";
import { checkAttribute, checkCallSize, checkCustomLimit, mergeAttributes } from "../domain/instanceAttributes.js";

export const putAttributes: Handler<"PutAttributes"> = (input, { state }) => {
  const rec = activeCluster(state, input.cluster);
  checkCallSize(input.attributes);
  input.attributes.forEach(checkAttribute);
  const groups = byTarget(state, rec, input.attributes);
  // Every target is checked against the limit before any of them changes.
  const merged = [...groups].map(([ci, attrs]) => {
    const next = mergeAttributes(ci.attributes ?? [], attrs);
    checkCustomLimit(next);
    return { ci, next };
  });
  for (const { ci, next } of merged) {
    ci.attributes = next;
    bump(ci);
  }
  return { attributes: input.attributes };
};
