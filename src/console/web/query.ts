// The query-protocol services of the same server (EC2, ELBv2), called as an SDK calls them:
// POST / with a form body (Action, Version, the members by their wire names) and a SigV4-shaped
// credential scope naming account, region and the signing service. Answers are XML, read with the
// browser's DOMParser; errors come in the protocol's envelope and are raised as the API's Code and Message.
import { ApiError, type Where } from "./api.js";

export class Query {
  constructor(
    readonly where: Where,
    /** The SigV4 signing name: `ec2`, `elasticloadbalancing`. */
    readonly signingName: string,
    readonly version: string,
  ) {}

  /** Calls `action` with already-flattened form members; answers the response's root element. */
  async call(action: string, members: [string, string][] = []): Promise<Element> {
    const { accountId, region } = this.where;
    const body = new URLSearchParams([["Action", action], ["Version", this.version], ...members]).toString();
    let res: Response;
    try {
      res = await fetch("/", {
        method: "POST",
        headers: {
          "Content-Type": "application/x-www-form-urlencoded; charset=utf-8",
          Authorization: `AWS4-HMAC-SHA256 Credential=${accountId}/20260101/${region}/${this.signingName}/aws4_request, SignedHeaders=content-type;host, Signature=0`,
        },
        body,
      });
    } catch (e) {
      throw new ApiError("NetworkError", `The server did not answer: ${(e as Error).message}`, 0);
    }
    const text = await res.text();
    const doc = new DOMParser().parseFromString(text, "application/xml");
    const root = doc.documentElement;
    if (!root || root.getElementsByTagName("parsererror").length || root.localName === "parsererror") {
      throw new ApiError("ServerException", `Unreadable answer (${res.status}): ${text.slice(0, 200)}`, res.status);
    }
    if (!res.ok) {
      // Query: <ErrorResponse><Error><Code>; EC2: <Response><Errors><Error><Code>.
      const error = root.getElementsByTagName("Error")[0];
      throw new ApiError(child(error, "Code") ?? "Error", child(error, "Message") ?? text.slice(0, 200), res.status);
    }
    return root;
  }
}

/** The first direct child element named `name` (namespaces ignored). */
export function el(parent: Element | undefined, name: string): Element | undefined {
  if (!parent) return undefined;
  for (const c of parent.children) if (c.localName === name) return c;
  return undefined;
}

/** The text of the element at a path of child names, e.g. child(x, "placement", "availabilityZone"). */
export function child(parent: Element | undefined, ...path: string[]): string | undefined {
  let at = parent;
  for (const name of path) at = el(at, name);
  return at?.textContent ?? undefined;
}

/** The items of a list: the `item` (EC2) or `member` (query) children of the element at `path`. */
export function items(parent: Element | undefined, ...path: string[]): Element[] {
  let at = parent;
  for (const name of path) at = el(at, name);
  return at ? [...at.children].filter((c) => c.localName === "item" || c.localName === "member") : [];
}

/** A list member in the query protocols' wire form: Name.member.1=a&Name.member.2=b. */
export function memberList(name: string, values: string[]): [string, string][] {
  return values.map((v, i) => [`${name}.member.${i + 1}`, v]);
}

/**
 * Every member of a paged list (`list` inside `<Action>Result`), following NextToken, or IAM's
 * Marker while IsTruncated says more follow.
 */
export async function allItems(q: Query, action: string, members: [string, string][], list: string, token: "NextToken" | "Marker" = "NextToken"): Promise<Element[]> {
  const out: Element[] = [];
  let next: string | undefined;
  do {
    const root = await q.call(action, [...members, ...(next ? [[token, next] as [string, string]] : [])]);
    const result = el(root, `${action}Result`);
    out.push(...items(result, list));
    next = child(result, token) || undefined;
    if (token === "Marker" && child(result, "IsTruncated") !== "true") next = undefined;
  } while (next);
  return out;
}

/** An XML timestamp (ISO 8601) as the epoch seconds the JSON services answer. */
export function seconds(text: string | undefined): number | undefined {
  return text ? Date.parse(text) / 1000 : undefined;
}

export function num(text: string | undefined): number | undefined {
  return text === undefined || text === "" ? undefined : Number(text);
}
