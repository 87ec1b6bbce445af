import type { EcsContext, Handler } from "../context.js";
import type { EcsBackend } from "../../../services/ecs/context.js";
import type { EcsState } from "../../../services/ecs/store.js";
import type { ExpressRecord } from "../../../services/ecs/express/types.js";
import { defineTimer } from "../../../engine/timers.js";
import type { DeleteExpressGatewayServiceRequest, DeleteExpressGatewayServiceResponse } from "../generated/types.js";
import { activeExpress } from "../express/lookup.js";
import { loadExpressPeers } from "../express/peers.js";
import { beginDelete, finishDelete } from "../express/teardown.js";
import { expressView } from "../express/views.js";
import { ownContext } from "../capacity/autoScaling.js";

function remove(input: DeleteExpressGatewayServiceRequest, ctx: EcsContext): DeleteExpressGatewayServiceResponse {
  const { state, backend } = ctx;
  const x = activeExpress(state, input.serviceArn);
  beginDelete(ctx, x);
  // A service without tasks has nothing to drain: its resources go at the next turn.
  backend.timeline.callAfter(0, FINISH, backend, state, x);
  return { service: expressView(state, x) };
}

export const deleteExpressGatewayService: Handler<"DeleteExpressGatewayService"> = (input, ctx) => {
  const loading = loadExpressPeers(ctx.backend);
  return loading ? loading.then(() => remove(input, ctx)) : remove(input, ctx);
};

const FINISH = defineTimer("ecs.expressDeleted", (backend: EcsBackend, state: EcsState, x: ExpressRecord) => finishDelete(ownContext(backend, state), x));
