// The dispatch table: one file per operation; null answers "not supported" in the protocol's format.
import type { Handlers } from "../context.js";
import { getCallerIdentity } from "./getCallerIdentity.js";

export const handlers: Handlers = {
  AssumeRole: null,
  AssumeRoleWithSAML: null,
  AssumeRoleWithWebIdentity: null,
  AssumeRoot: null,
  DecodeAuthorizationMessage: null,
  GetAccessKeyInfo: null,
  GetCallerIdentity: getCallerIdentity,
  GetDelegatedAccessToken: null,
  GetFederationToken: null,
  GetSessionToken: null,
  GetWebIdentityToken: null,
};
