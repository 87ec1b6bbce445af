// Temporary credentials STS issues: an access key id `ASIA…`, a secret and a session token, valid
// until their expiration. A request signed with them acts as the session's principal in its account.
import { CredentialError, type Caller, type Principal } from "../../../protocol/context.js";
import type { IdSource } from "../../../state/ids.js";
import type { Credentials } from "../generated/types.js";

export interface Session {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  /** Epoch milliseconds. */
  expiration: number;
  accountId: string;
  /** Absent for GetSessionToken of the root user: the session acts as root. */
  principal?: Principal;
  /** The role a role session is of: a session of it that assumes a role is role chaining. */
  roleArn?: string;
  /** GetSessionToken's sessions: they may not call GetSessionToken again, nor most of IAM. */
  kind: "role" | "session" | "federated";
}

const UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
const BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

function draw(ids: IdSource, alphabet: string, n: number): string {
  let out = "";
  for (const b of ids.bytes(n)) out += alphabet[b % alphabet.length];
  return out;
}

/**
 * New credentials: `ASIA` and 16 characters of A–Z and 2–7 (as AWS's key ids are), a 40-character
 * secret, and a session token in the form AWS's begin with (base64 of a binary blob that opens
 * with "\x21\x0a\x09origin_ec"), long enough that tools which size it see a real-looking one.
 */
export function issue(ids: IdSource, nowMs: number, durationSeconds: number): Omit<Session, "accountId" | "principal" | "roleArn" | "kind"> {
  return {
    accessKeyId: "ASIA" + draw(ids, UPPER, 16),
    secretAccessKey: draw(ids, BASE64, 40),
    sessionToken: "IQoJb3JpZ2luX2Vj" + draw(ids, BASE64, 340),
    expiration: nowMs + durationSeconds * 1000,
  };
}

/** The `Credentials` member of STS's answers. */
export function credentialsOf(s: Session): Credentials {
  return { AccessKeyId: s.accessKeyId, SecretAccessKey: s.secretAccessKey, SessionToken: s.sessionToken, Expiration: s.expiration / 1000 };
}

/** Who signs with the session's key, checked against the clock and the token the request carries. */
export function callerOfSession(s: Session, nowMs: number, sessionToken: string | undefined): Caller {
  // AWS refuses a session key sent without its token or with another one as an invalid token.
  if (sessionToken !== s.sessionToken) throw new CredentialError("invalid");
  if (nowMs >= s.expiration) throw new CredentialError("expired");
  return s.principal ? { accountId: s.accountId, principal: s.principal } : { accountId: s.accountId };
}
