// MaxResults/NextToken for EC2's Describe* calls: the token is the position of the next item.
import { AwsError } from "../../../protocol/errors.js";

export interface Page<T> {
  items: T[];
  nextToken?: string;
}

function decode(token: string): number {
  const text = Buffer.from(token, "base64url").toString("utf8");
  const m = /^p:(\d+)$/.exec(text);
  if (!m) throw new AwsError("InvalidNextToken", "The token 'x' is invalid.".replace("x", token));
  return Number(m[1]);
}

/**
 * One page of `items`. `min`/`max` are the operation's MaxResults range (most EC2 Describe calls take
 * 5–1000); a value outside it is refused with the operation's parameter name.
 */
export function paginate<T>(items: T[], maxResults: number | undefined, nextToken: string | undefined, range: { min: number; max: number } = { min: 5, max: 1000 }): Page<T> {
  if (maxResults !== undefined && (maxResults < range.min || maxResults > range.max)) {
    throw new AwsError("InvalidParameterValue", `Value ( ${maxResults} ) for parameter maxResults is invalid. Parameter must be between ${range.min} and ${range.max}.`);
  }
  const start = nextToken ? decode(nextToken) : 0;
  if (maxResults === undefined) return { items: items.slice(start) };
  const end = start + maxResults;
  return { items: items.slice(start, end), ...(end < items.length ? { nextToken: Buffer.from(`p:${end}`).toString("base64url") } : {}) };
}
