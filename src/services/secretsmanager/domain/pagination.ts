// Pages of a list: the token is where the next page starts, opaque to the caller.
import { InvalidNextTokenException } from "../generated/errors.js";

export interface Page<T> {
  items: T[];
  nextToken?: string;
}

export function page<T>(all: T[], token: string | undefined, max: number): Page<T> {
  let start = 0;
  if (token !== undefined) {
    const decoded = Buffer.from(token, "base64").toString("utf8");
    start = /^\d+$/.test(decoded) ? Number(decoded) : -1;
    if (start < 0 || start > all.length) throw new InvalidNextTokenException("The NextToken value is invalid.");
  }
  const end = start + max;
  return { items: all.slice(start, end), ...(end < all.length ? { nextToken: Buffer.from(String(end)).toString("base64") } : {}) };
}
