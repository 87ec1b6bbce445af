import type { Handler } from "../context.js";
import { createNamespace } from "../domain/namespaces.js";

export const createPublicDnsNamespace: Handler<"CreatePublicDnsNamespace"> = (input, ctx) =>
  createNamespace(ctx, { ...input, type: "DNS_PUBLIC", soaTtl: input.Properties?.DnsProperties.SOA.TTL });
