// Listeners come and go by request; the data plane, which serves them, hears of each change.
import type { Elbv2Backend } from "../context.js";

export function listenersChanged(backend: Elbv2Backend): void {
  for (const fn of backend.listenerWatchers) fn();
}
