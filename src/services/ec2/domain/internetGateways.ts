// Internet gateways: one per VPC at a time; an attachment EC2 reports as `available`.
import type { Ec2State } from "../context.js";
import type { InternetGateway } from "../generated/types.js";
import type { InternetGatewayRecord } from "../networkState.js";
import { networkErrors } from "./networkErrors.js";
import { tagsOf } from "./tags.js";

export function findInternetGateway(state: Ec2State, id: string): InternetGatewayRecord {
  const rec = state.internetGateways.get(id);
  if (!rec) throw networkErrors.internetGatewayNotFound(id);
  return rec;
}

/** The internet gateway attached to a VPC, if any. */
export function gatewayOfVpc(state: Ec2State, vpcId: string): InternetGatewayRecord | undefined {
  for (const g of state.internetGateways.values()) if (g.vpcId === vpcId) return g;
  return undefined;
}

export function internetGatewayView(state: Ec2State, rec: InternetGatewayRecord): InternetGateway {
  const tags = tagsOf(state, rec.id);
  return { Attachments: rec.vpcId ? [{ State: "available", VpcId: rec.vpcId }] : [], InternetGatewayId: rec.id, OwnerId: state.accountId, ...(tags ? { Tags: tags } : {}) };
}

/** Whether an interface of the VPC holds a public address (an instance's, an Elastic IP's, a NAT gateway's). */
export function vpcHasPublicAddresses(state: Ec2State, vpcId: string): boolean {
  for (const eniId of state.interfacePublicIps.keys()) if (state.networkInterfaces.get(eniId)?.VpcId === vpcId) return true;
  return false;
}
