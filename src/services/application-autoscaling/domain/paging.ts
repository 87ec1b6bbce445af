// Pages of a listing: the token is the position after the last item answered, opaque to callers,
// and names the listing it belongs to so that it cannot be used for another.
import { InvalidNextTokenException, ValidationException } from "../generated/errors.js";
import { messages } from "./messages.js";

function encode(listing: string, position: number): string {
  return Buffer.from(`ecs-local/${listing}/${position}`, "utf8").toString("base64url");
}

function decode(listing: string, token: string | undefined): number {
  if (token === undefined) return 0;
  const m = /^ecs-local\/([A-Za-z]+)\/(\d+)$/.exec(Buffer.from(token, "base64url").toString("utf8"));
  if (!m || m[1] !== listing) throw new InvalidNextTokenException(messages.badNextToken);
  return Number(m[2]);
}

/**
 * `max` is the listing's default and largest page (50 for most, 10 for scaling policies): a larger
 * MaxResults gets pages of `max`.
 */
export function page<T>(listing: string, items: T[], token: string | undefined, maxResults: number | undefined, max: number): { items: T[]; NextToken?: string } {
  if (maxResults !== undefined && maxResults < 1) throw new ValidationException(messages.badMaxResults(max));
  const start = decode(listing, token);
  const end = start + Math.min(maxResults ?? max, max);
  return { items: items.slice(start, end), ...(end < items.length ? { NextToken: encode(listing, end) } : {}) };
}
