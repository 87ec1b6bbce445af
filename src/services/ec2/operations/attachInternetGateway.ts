import type { Handler } from "../context.js";
import { findInternetGateway, gatewayOfVpc } from "../domain/internetGateways.js";
import { findVpc } from "../domain/network.js";
import { networkErrors } from "../domain/networkErrors.js";

export const attachInternetGateway: Handler<"AttachInternetGateway"> = (input, ctx) => {
  const { state } = ctx;
  const igw = findInternetGateway(state, input.InternetGatewayId);
  const vpcId = findVpc(state, input.VpcId).vpc.VpcId!;
  if (igw.vpcId !== undefined) throw networkErrors.alreadyAttached(igw.id, igw.vpcId);
  if (gatewayOfVpc(state, vpcId)) throw networkErrors.vpcHasGateway(vpcId);
  igw.vpcId = vpcId;
  return {};
};
