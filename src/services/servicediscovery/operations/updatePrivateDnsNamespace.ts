import type { Handler } from "../context.js";
import { updateNamespace } from "../domain/updateNamespace.js";

export const updatePrivateDnsNamespace: Handler<"UpdatePrivateDnsNamespace"> = (input, ctx) =>
  updateNamespace(ctx, input.Id, "DNS_PRIVATE", input.Namespace.Description, input.Namespace.Properties?.DnsProperties?.SOA?.TTL);
