import type { Handler } from "../context.js";
import { paginate } from "../domain/pagination.js";
import type { TaskDefinition } from "../generated/types.js";

const byFamilyThenRevision = (a: TaskDefinition, b: TaskDefinition) =>
  a.family! < b.family! ? -1 : a.family! > b.family! ? 1 : a.revision! - b.revision!;

export const listTaskDefinitions: Handler<"ListTaskDefinitions"> = (input, { state }) => {
  const status = input.status ?? "ACTIVE";
  // Despite its name, familyPrefix selects one whole family here (ListTaskDefinitionFamilies matches prefixes).
  const families = input.familyPrefix === undefined ? [...state.taskDefinitions.values()] : [state.taskDefinitions.get(input.familyPrefix) ?? []];
  const matching = families.flat().filter((td) => td.status === status).sort(byFamilyThenRevision);
  if (input.sort === "DESC") matching.reverse();
  const arns = matching.map((td) => td.taskDefinitionArn!);
  const page = paginate(arns, (arn) => arn, input.maxResults, input.nextToken);
  return { taskDefinitionArns: page.items, ...(page.nextToken ? { nextToken: page.nextToken } : {}) };
};
