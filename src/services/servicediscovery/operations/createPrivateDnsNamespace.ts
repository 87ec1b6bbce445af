import type { Handler } from "../context.js";
import { InvalidInput } from "../generated/errors.js";
import { createNamespace } from "../domain/namespaces.js";

/** In a VPC EC2 knows (asked through its own DescribeVpcs). */
export const createPrivateDnsNamespace: Handler<"CreatePrivateDnsNamespace"> = async (input, ctx) => {
  const { client } = ctx.backend.peers;
  const loading = client.load("ec2", ["DescribeVpcs"]);
  if (loading) await loading;
  try {
    client.call("ec2", "DescribeVpcs", { VpcIds: [input.Vpc] }, ctx.request);
  } catch {
    throw new InvalidInput(`The VPC ${input.Vpc} does not exist.`);
  }
  return createNamespace(ctx, { ...input, type: "DNS_PRIVATE", vpc: input.Vpc, soaTtl: input.Properties?.DnsProperties.SOA.TTL });
};
