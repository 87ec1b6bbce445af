// NextToken/MaxRecords paging: the token is opaque to callers (here an offset, base64).
import { InvalidNextToken } from "../generated/errors.js";

export function page<T>(items: T[], token: string | undefined, maxRecords: number | undefined, defaultSize = 50, largest = 100): { items: T[]; next?: string } {
  let start = 0;
  if (token !== undefined) {
    start = Number(Buffer.from(token, "base64").toString("utf8"));
    if (!Number.isInteger(start) || start < 0 || Buffer.from(String(start)).toString("base64") !== token) throw new InvalidNextToken(`The token '${token}' is invalid.`);
  }
  const size = Math.min(Math.max(maxRecords ?? defaultSize, 1), largest);
  const slice = items.slice(start, start + size);
  const end = start + slice.length;
  return { items: slice, ...(end < items.length ? { next: Buffer.from(String(end)).toString("base64") } : {}) };
}
