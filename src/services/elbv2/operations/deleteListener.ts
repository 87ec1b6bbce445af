import type { Handler } from "../context.js";
import { groupsOf } from "../domain/actions.js";
import { getListener } from "../domain/lookup.js";
import { usageChanged } from "../domain/targets.js";
import { listenersChanged } from "../domain/watchers.js";

/** Its rules go with it; groups no longer used by any load balancer see their targets go unused. */
export const deleteListener: Handler<"DeleteListener"> = (input, ctx) => {
  const { state } = ctx;
  const rec = getListener(state, input.ListenerArn);
  const groups = new Set([...rec.rules.values()].flatMap((r) => (r.Actions ?? []).flatMap(groupsOf)));
  state.listeners.delete(input.ListenerArn);
  state.tags.delete(input.ListenerArn);
  for (const r of rec.rules.keys()) state.tags.delete(r);
  for (const tg of groups) usageChanged(ctx.backend, state, tg);
  listenersChanged(ctx.backend);
  return {};
};
