// UpdateHttpNamespace, UpdatePrivateDnsNamespace, UpdatePublicDnsNamespace: a description and an SOA TTL.
import type { ServiceDiscoveryContext } from "../context.js";
import { InvalidInput } from "../generated/errors.js";
import type { NamespaceType } from "../generated/types.js";
import { getNamespace } from "./lookup.js";
import { startOperation } from "./operations.js";

export function updateNamespace(ctx: ServiceDiscoveryContext, ref: string, type: NamespaceType, description?: string, soaTtl?: number): { OperationId: string } {
  const ns = getNamespace(ctx.state, ref);
  if (ns.namespace.Type !== type) throw new InvalidInput(`Namespace ${ns.namespace.Id} is of type ${ns.namespace.Type}, not ${type}.`);
  if (description !== undefined) ns.namespace.Description = description;
  if (soaTtl !== undefined) ns.namespace.Properties!.DnsProperties = { ...ns.namespace.Properties!.DnsProperties, SOA: { TTL: soaTtl } };
  return { OperationId: startOperation(ctx, "UPDATE_NAMESPACE", { NAMESPACE: ns.namespace.Id! }) };
}
