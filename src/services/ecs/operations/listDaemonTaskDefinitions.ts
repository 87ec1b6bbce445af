import type { Handler } from "../context.js";
import type { DaemonTaskDefinition } from "../generated/types.js";
import { paginate } from "../domain/pagination.js";

const byFamilyThenRevision = (a: DaemonTaskDefinition, b: DaemonTaskDefinition) => (a.family! < b.family! ? -1 : a.family! > b.family! ? 1 : a.revision! - b.revision!);

export const listDaemonTaskDefinitions: Handler<"ListDaemonTaskDefinitions"> = (input, { state }) => {
  const status = input.status ?? "ACTIVE";
  let families = [...state.daemonTaskDefinitions.entries()];
  if (input.family !== undefined) families = families.filter(([f]) => f === input.family);
  if (input.familyPrefix !== undefined) families = families.filter(([f]) => f.startsWith(input.familyPrefix!));
  let matching = families.flatMap(([, revisions]) => revisions).filter((d) => status === "ALL" || d.status === status);
  if (input.revision === "LAST_REGISTERED") {
    const last = new Map<string, DaemonTaskDefinition>();
    for (const d of matching) if ((last.get(d.family!)?.revision ?? 0) < d.revision!) last.set(d.family!, d);
    matching = [...last.values()];
  }
  matching.sort(byFamilyThenRevision);
  if (input.sort === "DESC") matching.reverse();
  const page = paginate(matching, (d) => d.daemonTaskDefinitionArn!, input.maxResults, input.nextToken);
  return {
    daemonTaskDefinitions: page.items.map((d) => ({
      arn: d.daemonTaskDefinitionArn,
      registeredAt: d.registeredAt,
      registeredBy: d.registeredBy,
      ...(d.deleteRequestedAt !== undefined ? { deleteRequestedAt: d.deleteRequestedAt } : {}),
      status: d.status,
    })),
    ...(page.nextToken ? { nextToken: page.nextToken } : {}),
  };
};
