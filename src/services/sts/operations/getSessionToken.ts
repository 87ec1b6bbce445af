import { commonErrors } from "../../../protocol/errors.js";
import type { Handler } from "../context.js";
import { credentialsOf, issue, type Session } from "../domain/sessions.js";

/**
 * Temporary credentials for the caller itself (a user, or the account's root), which then act as
 * that caller. Root's sessions last an hour at most; session credentials cannot ask for another.
 */
export const getSessionToken: Handler<"GetSessionToken"> = (input, ctx) => {
  const key = ctx.request.accessKeyId;
  if (key !== undefined && ctx.backend.sessions.has(key)) throw commonErrors.accessDenied("Cannot call GetSessionToken with session credentials");
  const principal = ctx.request.principal;
  const requested = input.DurationSeconds ?? 43_200;
  const duration = principal ? requested : Math.min(requested, 3600);
  const session: Session = {
    ...issue(ctx.backend.ids, ctx.backend.timeline.now(), duration),
    accountId: ctx.request.accountId,
    ...(principal ? { principal } : {}),
    kind: "session",
  };
  ctx.backend.sessions.set(session.accessKeyId, session);
  return { Credentials: credentialsOf(session) };
};
