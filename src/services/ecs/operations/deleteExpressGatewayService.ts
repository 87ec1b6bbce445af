import type { EcsContext, Handler } from "../context.js";
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
  backend.timeline.after(0, () => finishDelete(ownContext(backend, state), x));
  return { service: expressView(state, x) };
}

export const deleteExpressGatewayService: Handler<"DeleteExpressGatewayService"> = (input, ctx) => {
  const loading = loadExpressPeers(ctx.backend);
  return loading ? loading.then(() => remove(input, ctx)) : remove(input, ctx);
};
