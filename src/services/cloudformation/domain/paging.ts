// NextToken paging over a list: the token is the index of the next item.
import { validation } from "../template/errors.js";

export function page<T>(items: T[], token: string | undefined, size: number): { items: T[]; next?: string } {
  const start = token === undefined ? 0 : Number(Buffer.from(token, "base64").toString("utf8"));
  if (!Number.isInteger(start) || start < 0 || start > items.length) throw validation("Invalid NextToken.");
  const end = start + size;
  return { items: items.slice(start, end), ...(end < items.length ? { next: Buffer.from(String(end)).toString("base64") } : {}) };
}
