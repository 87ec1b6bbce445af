// Who is calling and where: the account and region of a request, from its SigV4 credential scope.

export interface RequestContext {
  accountId: string;
  region: string;
  requestId: string;
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

/** A 12-digit access key id names the account, as emulators commonly do; any other key is the default account. */
export function accountFor(accessKey: string | undefined, defaultAccount: string): string {
  return accessKey && /^\d{12}$/.test(accessKey) ? accessKey : defaultAccount;
}

/** What a fault's log line carries besides its stack: what joins it to its request line. */
export function faultFields(ctx: RequestContext, service: string | undefined, operation: string): Record<string, unknown> {
  return { requestId: ctx.requestId, accountId: ctx.accountId, region: ctx.region, service: service ?? "-", operation: operation || "-" };
}
