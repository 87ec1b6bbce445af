import type { Handler } from "../context.js";
import { ec2Id } from "../domain/ids.js";
import { internetGatewayView } from "../domain/internetGateways.js";
import { checkTagSpecifications, putTags, tagsFor } from "../domain/tags.js";

export const createInternetGateway: Handler<"CreateInternetGateway"> = (input, ctx) => {
  const { state } = ctx;
  checkTagSpecifications(input.TagSpecifications, ["internet-gateway"]);
  const id = ec2Id(state.ids, "igw");
  const rec = { id };
  state.internetGateways.set(id, rec);
  putTags(state, id, tagsFor(input.TagSpecifications, "internet-gateway"));
  return { InternetGateway: internetGatewayView(state, rec) };
};
