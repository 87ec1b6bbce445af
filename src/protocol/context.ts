// Who is calling and where: the account and region of a request, from its SigV4 credential scope.

export interface RequestContext {
  accountId: string;
  region: string;
  requestId: string;
  /** The access key id the request was signed with, if it was signed. */
  accessKeyId?: string;
  /** Who signed, when it is not the account's root user: an IAM user, or a role session's assumed-role user. */
  principal?: Principal;
  /** Set when ecs-local's own registry records what it accepted (ECR's PutImage after a `docker push`), never by a client. */
  via?: "registry";
}

/** An identity other than the root user, as STS GetCallerIdentity names it. */
export interface Principal {
  /** `arn:aws:iam::<account>:user/<name>` or `arn:aws:sts::<account>:assumed-role/<role>/<session>`. */
  arn: string;
  /** `AIDA…` for a user, `AROA…:<session>` for a role session. */
  userId: string;
}

/** Who an access key belongs to, when ecs-local issued it (IAM CreateAccessKey, STS AssumeRole…). */
export interface Caller {
  accountId: string;
  principal?: Principal;
}

/**
 * Finds the caller an access key id belongs to: undefined for a key ecs-local did not issue (its
 * account is then the one a 12-digit key names, else the default). Throws a CredentialError for a key
 * it refuses: session credentials past their expiration, or sent with another session token.
 */
export type CallerLookup = (accessKeyId: string, sessionToken: string | undefined) => Caller | undefined;

/** Credentials refused before any service looks at the request; each protocol words it as AWS does. */
export class CredentialError extends Error {
  constructor(readonly kind: "expired" | "invalid") {
    super(kind === "expired" ? "The security token included in the request is expired" : "The security token included in the request is invalid.");
  }
}

// Credential=AKID/20260101/us-west-2/ecs/aws4_request, in a header or a presigned query string.
const SCOPE = /Credential=([^/,\s&]+)\/\d{8}\/([^/,\s&]+)\/([^/,\s&]+)\//;

export interface CredentialScope {
  accessKey?: string;
  region?: string;
  /** The service the request was signed for (`ecs`, `sts`, `ec2`, `elasticloadbalancing`, `iam`…). */
  service?: string;
}

export function credentialScope(authorization: string | undefined, url: string): CredentialScope {
  const source = authorization ?? (url.includes("X-Amz-Credential=") ? decodeURIComponent(url.replace("X-Amz-Credential=", "Credential=")) : "");
  const m = SCOPE.exec(source);
  return m ? { accessKey: m[1], region: m[2], service: m[3] } : {};
}

/** The session token a request carries (temporary credentials): a header, or a presigned URL's parameter. */
export function sessionTokenOf(headers: Record<string, string | string[] | undefined>, url: string): string | undefined {
  const header = headers["x-amz-security-token"];
  if (typeof header === "string") return header;
  const m = /[?&]X-Amz-Security-Token=([^&]*)/.exec(url);
  return m ? decodeURIComponent(m[1]) : undefined;
}

/** A 12-digit access key id names the account, as emulators commonly do; any other key is the default account. */
export function accountFor(accessKey: string | undefined, defaultAccount: string): string {
  return accessKey && /^\d{12}$/.test(accessKey) ? accessKey : defaultAccount;
}

/**
 * The account, region and caller of a request: a key ecs-local issued acts as its owner (a role
 * session in the role's account, a user in theirs); any other key as `accountFor` says. The request
 * id is made first, so that an error about the key (expired) still carries one.
 */
export function requestContext(
  scope: CredentialScope,
  defaultAccount: string,
  defaultRegion: string,
  lookup: CallerLookup | undefined,
  requestId: string,
  sessionToken?: string,
): RequestContext {
  const region = scope.region ?? defaultRegion;
  const key = scope.accessKey;
  const ctx: RequestContext = { accountId: accountFor(key, defaultAccount), region, requestId };
  if (key === undefined) return ctx;
  ctx.accessKeyId = key;
  const caller = lookup?.(key, sessionToken);
  if (caller) {
    ctx.accountId = caller.accountId;
    if (caller.principal) ctx.principal = caller.principal;
  }
  return ctx;
}

/** What a fault's log line carries besides its stack: what joins it to its request line. */
export function faultFields(ctx: RequestContext, service: string | undefined, operation: string): Record<string, unknown> {
  return { requestId: ctx.requestId, accountId: ctx.accountId, region: ctx.region, service: service ?? "-", operation: operation || "-" };
}
