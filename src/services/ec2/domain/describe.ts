// What the Describe calls of EC2's network resources share: the records asked for by id, those the
// filters keep (tags included), one page of them, each answered as a copy with its tags.
import type { Ec2State } from "../context.js";
import type { Filter, Tag } from "../generated/types.js";
import { matchesFilters, type FilterValues } from "./filters.js";
import { paginate, type Page } from "./pagination.js";
import { tagsOf } from "./tags.js";

export interface DescribeQuery {
  /** Only these ids, when given (already checked to exist). */
  ids?: ReadonlySet<string>;
  filters?: Filter[];
  maxResults?: number;
  nextToken?: string;
}

export function describePage<R, V extends object>(state: Ec2State, records: Iterable<R>, idOf: (r: R) => string, view: (r: R) => V, q: DescribeQuery, known: FilterValues<R>): Page<V & { Tags?: Tag[] }> {
  const all = [...records].filter((r) => (!q.ids || q.ids.has(idOf(r))) && matchesFilters(r, state.tags.get(idOf(r)), q.filters, known));
  const page = paginate(all, q.maxResults, q.nextToken);
  return {
    items: page.items.map((r) => {
      const tags = tagsOf(state, idOf(r));
      return { ...structuredClone(view(r)), ...(tags ? { Tags: tags } : {}) };
    }),
    nextToken: page.nextToken,
  };
}
