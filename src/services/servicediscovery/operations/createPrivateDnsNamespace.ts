import type { Handler, ServiceDiscoveryContext } from "../context.js";
import { InvalidInput } from "../generated/errors.js";
import type { CreatePrivateDnsNamespaceRequest } from "../generated/types.js";
import { createNamespace } from "../domain/namespaces.js";

/** In a VPC EC2 knows (asked through its own DescribeVpcs, loaded first when it is not yet: in process, this answers at once). */
export const createPrivateDnsNamespace: Handler<"CreatePrivateDnsNamespace"> = (input, ctx) => {
  const loading = ctx.backend.peers.client.load("ec2", ["DescribeVpcs"]);
  return loading ? loading.then(() => create(input, ctx)) : create(input, ctx);
};

function create(input: CreatePrivateDnsNamespaceRequest, ctx: ServiceDiscoveryContext) {
  try {
    ctx.backend.peers.client.call("ec2", "DescribeVpcs", { VpcIds: [input.Vpc] }, ctx.request);
  } catch {
    throw new InvalidInput(`The VPC ${input.Vpc} does not exist.`);
  }
  return createNamespace(ctx, { ...input, type: "DNS_PRIVATE", vpc: input.Vpc, soaTtl: input.Properties?.DnsProperties.SOA.TTL });
}
