// The claims of an OpenID Connect token, as STS reads them for AssumeRoleWithWebIdentity. ecs-local
// has no identity provider's keys (offline), so the signature is not verified; the token's form,
// issuer, audience, subject and expiry are, and the role's trust policy decides on them.
import { ExpiredTokenException, InvalidIdentityTokenException } from "../generated/errors.js";

export interface WebIdentityClaims {
  /** `https://token.actions.githubusercontent.com` */
  iss: string;
  /** The provider as IAM names it: the issuer without its scheme. */
  provider: string;
  sub: string;
  aud: string[];
  /** Epoch seconds, when the token says. */
  exp?: number;
  /** Every string claim, for trust conditions on `<provider>:<claim>`. */
  strings: Record<string, string>;
}

const NOT_A_JWT = "The ID Token provided is not a valid JWT. (You may see this error if you sent an Access Token)";

function decodePart(part: string): Record<string, unknown> {
  const json = Buffer.from(part.replace(/-/g, "+").replace(/_/g, "/"), "base64").toString("utf8");
  const value: unknown = JSON.parse(json);
  if (value === null || typeof value !== "object" || Array.isArray(value)) throw new Error("not an object");
  return value as Record<string, unknown>;
}

export function readWebIdentityToken(token: string, nowSeconds: number): WebIdentityClaims {
  const parts = token.split(".");
  let payload: Record<string, unknown>;
  try {
    if (parts.length !== 3) throw new Error("not three parts");
    decodePart(parts[0]);
    payload = decodePart(parts[1]);
  } catch {
    throw new InvalidIdentityTokenException(NOT_A_JWT);
  }
  const iss = payload.iss;
  if (typeof iss !== "string" || iss === "") throw new InvalidIdentityTokenException(NOT_A_JWT);
  const exp = typeof payload.exp === "number" ? payload.exp : undefined;
  if (exp !== undefined && exp <= nowSeconds) {
    throw new ExpiredTokenException("The web identity token that was passed is expired or is not valid. Get a new identity token from the identity provider and then retry the request.");
  }
  const aud = Array.isArray(payload.aud) ? payload.aud.filter((a): a is string => typeof a === "string") : typeof payload.aud === "string" ? [payload.aud] : [];
  const strings: Record<string, string> = {};
  for (const [k, v] of Object.entries(payload)) if (typeof v === "string") strings[k] = v;
  return { iss, provider: iss.replace(/^https?:\/\//, "").replace(/\/$/, ""), sub: typeof payload.sub === "string" ? payload.sub : "", aud, exp, strings };
}
