import type { Handler } from "../context.js";
import { findExpress } from "../express/lookup.js";
import { expressView } from "../express/views.js";

export const describeExpressGatewayService: Handler<"DescribeExpressGatewayService"> = (input, { state }) => {
  const x = findExpress(state, input.serviceArn, "describe");
  return { service: expressView(state, x, (input.include ?? []).includes("TAGS")) };
};
