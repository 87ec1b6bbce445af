// The dispatch table (written by `npm run handlers -- sts` from the operation files present):
// every generated operation, each with its handler or null while ecs-local lacks it.
import type { Handlers } from "../context.js";
import { assumeRole } from "./assumeRole.js";
import { assumeRoleWithWebIdentity } from "./assumeRoleWithWebIdentity.js";
import { getAccessKeyInfo } from "./getAccessKeyInfo.js";
import { getCallerIdentity } from "./getCallerIdentity.js";
import { getSessionToken } from "./getSessionToken.js";

export const handlers: Handlers = {
  AssumeRole: assumeRole,
  AssumeRoleWithSAML: null,
  AssumeRoleWithWebIdentity: assumeRoleWithWebIdentity,
  AssumeRoot: null,
  DecodeAuthorizationMessage: null,
  GetAccessKeyInfo: getAccessKeyInfo,
  GetCallerIdentity: getCallerIdentity,
  GetDelegatedAccessToken: null,
  GetFederationToken: null,
  GetSessionToken: getSessionToken,
  GetWebIdentityToken: null,
};
