// The context a named timer runs in: rebuilt from what a snapshot can keep (the backend, the state
// and the request that scheduled it, all data or tokens), since the context object holds a function.
import type { RequestContext } from "../../../protocol/context.js";
import type { EcsBackend, EcsContext } from "../context.js";
import type { EcsState } from "../store.js";

export function contextOf(backend: EcsBackend, state: EcsState, request: RequestContext): EcsContext {
  return { state, backend, request, now: () => backend.timeline.now() / 1000 };
}
