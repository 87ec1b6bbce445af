import type { Handler } from "../context.js";
import { findInternetGateway } from "../domain/internetGateways.js";
import { networkErrors } from "../domain/networkErrors.js";
import { forgetTags } from "../domain/tags.js";

/** Refused while attached; routes that named it stay, as blackholes. */
export const deleteInternetGateway: Handler<"DeleteInternetGateway"> = (input, ctx) => {
  const { state } = ctx;
  const igw = findInternetGateway(state, input.InternetGatewayId);
  if (igw.vpcId !== undefined) throw networkErrors.hasDependencies("internetGateway", igw.id);
  state.internetGateways.delete(igw.id);
  forgetTags(state, igw.id);
  return {};
};
