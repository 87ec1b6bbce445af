// The dispatch table (written by `npm run handlers -- sts` from the operation files present):
// every generated operation, each with its handler or null while ecs-local lacks it.
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
