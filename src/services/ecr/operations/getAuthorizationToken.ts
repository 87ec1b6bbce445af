import type { Handler } from "../context.js";
import { issueToken } from "../domain/authorization.js";

/** A registry password for the caller's registry, or for each registry named (an account id each). */
export const getAuthorizationToken: Handler<"GetAuthorizationToken"> = (input, ctx) => ({
  authorizationData: (input.registryIds ?? [ctx.state.accountId]).map((id) => issueToken(ctx, id)),
});
