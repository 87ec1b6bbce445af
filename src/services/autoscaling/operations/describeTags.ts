import type { Handler } from "../context.js";
import { page } from "../domain/paging.js";
import { allTags, tagMatches } from "../domain/tags.js";

/** Every group's tags, filtered by group, key, value and propagate-at-launch. */
export const describeTags: Handler<"DescribeTags"> = (input, ctx) => {
  const tags = allTags(ctx.state).filter((t) => tagMatches(t, input.Filters));
  const p = page(tags, input.NextToken, input.MaxRecords);
  return { Tags: p.items, ...(p.next ? { NextToken: p.next } : {}) };
};
