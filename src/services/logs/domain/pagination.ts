// Pages of a sorted list: the token is the position after the last item answered, opaque to callers.
import { InvalidParameterException } from "../generated/errors.js";

export function encodeToken(position: number): string {
  return Buffer.from(`ecs-local/${position}`, "utf8").toString("base64url");
}

export function decodeToken(token: string | undefined): number {
  if (token === undefined) return 0;
  const m = /^ecs-local\/(\d+)$/.exec(Buffer.from(token, "base64url").toString("utf8"));
  if (!m) throw new InvalidParameterException("The specified nextToken is invalid.");
  return Number(m[1]);
}

export function page<T>(items: T[], token: string | undefined, limit: number): { items: T[]; nextToken?: string } {
  const start = decodeToken(token);
  const end = start + limit;
  return { items: items.slice(start, end), ...(end < items.length ? { nextToken: encodeToken(end) } : {}) };
}
