import type { Handler } from "../context.js";
import { updateNamespace } from "../domain/updateNamespace.js";

export const updatePublicDnsNamespace: Handler<"UpdatePublicDnsNamespace"> = (input, ctx) =>
  updateNamespace(ctx, input.Id, "DNS_PUBLIC", input.Namespace.Description, input.Namespace.Properties?.DnsProperties?.SOA?.TTL);
