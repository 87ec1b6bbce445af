import type { Handler } from "../context.js";
import { findInternetGateway, vpcHasPublicAddresses } from "../domain/internetGateways.js";
import { findVpc } from "../domain/network.js";
import { networkErrors } from "../domain/networkErrors.js";

/** Refused while an interface of the VPC holds a public address: traffic to it needs the gateway. */
export const detachInternetGateway: Handler<"DetachInternetGateway"> = (input, ctx) => {
  const { state } = ctx;
  const igw = findInternetGateway(state, input.InternetGatewayId);
  const vpcId = findVpc(state, input.VpcId).vpc.VpcId!;
  if (igw.vpcId !== vpcId) throw networkErrors.notAttached(igw.id, vpcId);
  if (vpcHasPublicAddresses(state, vpcId)) throw networkErrors.mappedAddresses(vpcId);
  delete igw.vpcId;
  return {};
};
