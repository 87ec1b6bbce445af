// Changes Cloud Map carries out asynchronously answer an OperationId: the operation is SUBMITTED,
// and SUCCESS at the next turn of the clock (GetOperation, ListOperations show it finishing).
import type { ServiceDiscoveryBackend } from "../context.js";
import type { ServiceDiscoveryState } from "../store.js";
import type { OperationTargetType, OperationType } from "../generated/types.js";
import { operationId } from "./ids.js";
import { defineTimer } from "../../../engine/timers.js";

const SUCCEED = defineTimer("servicediscovery.operationSucceeded", (backend: ServiceDiscoveryBackend, op: { Status: string; UpdateDate: number }) => {
  op.Status = "SUCCESS";
  op.UpdateDate = backend.timeline.now() / 1000;
});

export function startOperation(ctx: { state: ServiceDiscoveryState; backend: ServiceDiscoveryBackend }, type: OperationType, targets: Partial<Record<OperationTargetType, string>>): string {
  const { state, backend } = ctx;
  const id = operationId(state.ids);
  const now = backend.timeline.now() / 1000;
  const op = { Id: id, Type: type, Status: "SUBMITTED" as const, CreateDate: now, UpdateDate: now, Targets: targets };
  state.operations.set(id, op);
  backend.timeline.callAfter(0, SUCCEED, backend, op);
  return id;
}
