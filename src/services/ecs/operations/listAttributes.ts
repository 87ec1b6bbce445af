import type { Handler } from "../context.js";
import { InvalidParameterException } from "../generated/errors.js";
import type { Attribute } from "../generated/types.js";
import { activeCluster } from "../domain/clusters.js";
import { paginate } from "../domain/pagination.js";

export const listAttributes: Handler<"ListAttributes"> = (input, { state }) => {
  const rec = activeCluster(state, input.cluster);
  if (input.attributeValue !== undefined && !input.attributeName) {
    throw new InvalidParameterException("attributeName must be specified when attributeValue is specified.");
  }
  const found: Attribute[] = [];
  for (const ci of rec.instances.values()) {
    if (ci.status === "INACTIVE") continue;
    for (const a of ci.attributes ?? []) {
      if (input.attributeName && a.name !== input.attributeName) continue;
      if (input.attributeValue !== undefined && a.value !== input.attributeValue) continue;
      found.push({ ...a, targetType: input.targetType, targetId: ci.containerInstanceArn });
    }
  }
  const page = paginate(found, (a) => `${a.targetId}|${a.name}`, input.maxResults, input.nextToken);
  return { attributes: page.items, ...(page.nextToken ? { nextToken: page.nextToken } : {}) };
};
