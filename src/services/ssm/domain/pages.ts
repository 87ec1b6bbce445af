// Pages of DescribeParameters, GetParametersByPath and GetParameterHistory. SSM pages over every
// parameter in scope and filters each page, so a page may hold fewer items than MaxResults, none even,
// and still carry a NextToken (the model's documentation; minamijoyo/myaws#31).
import { InvalidNextToken } from "../generated/errors.js";

function encodeToken(position: number): string {
  return Buffer.from(`ecs-local/${position}`, "utf8").toString("base64");
}

function decodeToken(token: string | undefined): number {
  if (token === undefined) return 0;
  const m = /^ecs-local\/(\d+)$/.exec(Buffer.from(token, "base64").toString("utf8"));
  if (!m) throw new InvalidNextToken("The specified token isn't valid.");
  return Number(m[1]);
}

/** The items of one window of `all` that `keep` turns into answers, and the token of the next window. */
export function page<T, R>(all: readonly T[], token: string | undefined, limit: number, keep: (item: T) => R | undefined): { items: R[]; nextToken?: string } {
  const start = decodeToken(token);
  const end = start + limit;
  const items: R[] = [];
  for (const item of all.slice(start, end)) {
    const kept = keep(item);
    if (kept !== undefined) items.push(kept);
  }
  return { items, ...(end < all.length ? { nextToken: encodeToken(end) } : {}) };
}
