import type { Handler } from "../context.js";
import { findVpc } from "../domain/network.js";

export const describeVpcAttribute: Handler<"DescribeVpcAttribute"> = (input, ctx) => {
  const rec = findVpc(ctx.state, input.VpcId);
  const id = rec.vpc.VpcId!;
  switch (input.Attribute) {
    case "enableDnsSupport":
      return { VpcId: id, EnableDnsSupport: { Value: rec.enableDnsSupport } };
    case "enableDnsHostnames":
      return { VpcId: id, EnableDnsHostnames: { Value: rec.enableDnsHostnames } };
    default:
      return { VpcId: id, EnableNetworkAddressUsageMetrics: { Value: rec.enableNetworkAddressUsageMetrics } };
  }
};
