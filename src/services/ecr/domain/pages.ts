// ECR's pages: `maxResults` items from where `nextToken` says (an opaque offset here), with a
// `nextToken` while more remain.
import { InvalidParameterException } from "../generated/errors.js";

export function page<T>(items: T[], nextToken: string | undefined, maxResults: number | undefined, fallback: number): { items: T[]; nextToken?: string } {
  const start = nextToken === undefined ? 0 : Number(Buffer.from(nextToken, "base64").toString("utf8"));
  if (!Number.isInteger(start) || start < 0) throw new InvalidParameterException("Invalid parameter at 'nextToken' failed to satisfy constraint: 'Invalid pagination token'");
  const max = maxResults ?? fallback;
  return { items: items.slice(start, start + max), ...(start + max < items.length ? { nextToken: Buffer.from(String(start + max)).toString("base64") } : {}) };
}
