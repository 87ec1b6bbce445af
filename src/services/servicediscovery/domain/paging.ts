// NextToken paging: the token is the index of the next item, opaque to callers.
import { InvalidInput } from "../generated/errors.js";

export function page<T>(items: T[], maxResults: number | undefined, token: string | undefined, max = 100): { items: T[]; NextToken?: string } {
  let start = 0;
  if (token !== undefined) {
    const n = Number(Buffer.from(token, "base64url").toString("utf8"));
    if (!Number.isInteger(n) || n < 0) throw new InvalidInput("The specified NextToken is not valid.");
    start = n;
  }
  const size = Math.min(maxResults ?? max, max);
  const slice = items.slice(start, start + size);
  const next = start + size < items.length ? Buffer.from(String(start + size), "utf8").toString("base64url") : undefined;
  return { items: slice, ...(next ? { NextToken: next } : {}) };
}
