import type { Handler } from "../context.js";
import { addressByAssociation, disassociate } from "../domain/addresses.js";
import { networkErrors } from "../domain/networkErrors.js";

export const disassociateAddress: Handler<"DisassociateAddress"> = (input, ctx) => {
  const { state } = ctx;
  if (input.AssociationId === undefined) throw networkErrors.missing("associationId");
  const rec = addressByAssociation(state, input.AssociationId);
  // A NAT gateway's Elastic IP comes off with the gateway only.
  if (rec.natGatewayId) throw networkErrors.authFailure();
  disassociate(state, rec);
  return {};
};
