import type { Handler } from "../context.js";
import { paginate } from "../domain/pagination.js";

export const listTaskDefinitionFamilies: Handler<"ListTaskDefinitionFamilies"> = (input, { state }) => {
  // Without a status ECS lists every family, those left without an ACTIVE revision too.
  const status = input.status ?? "ALL";
  const prefix = input.familyPrefix ?? "";
  const families = [...state.taskDefinitions.entries()]
    .filter(([family, revisions]) => {
      if (!family.startsWith(prefix)) return false;
      const active = revisions.some((td) => td.status === "ACTIVE");
      return status === "ALL" || (status === "ACTIVE") === active;
    })
    .map(([family]) => family)
    .sort();
  const page = paginate(families, (f) => f, input.maxResults, input.nextToken);
  return { families: page.items, ...(page.nextToken ? { nextToken: page.nextToken } : {}) };
};
