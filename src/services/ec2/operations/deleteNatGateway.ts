import type { Handler } from "../context.js";
import { deleteNatGateway as startDeletion, findNatGateway } from "../domain/natGateways.js";
import { networkErrors } from "../domain/networkErrors.js";

export const deleteNatGateway: Handler<"DeleteNatGateway"> = (input, ctx) => {
  const { state, backend } = ctx;
  const rec = findNatGateway(state, input.NatGatewayId);
  const s = rec.nat.State;
  if (s === "deleted") throw networkErrors.natGatewayNotFound(input.NatGatewayId);
  if (s !== "deleting") startDeletion(backend, state, rec);
  return { NatGatewayId: input.NatGatewayId };
};
