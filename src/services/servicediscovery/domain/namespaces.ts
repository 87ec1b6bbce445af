// Creating a namespace of any kind: unique by the name HTTP discovery uses (a DNS namespace's name is
// its HttpName too), idempotent by CreatorRequestId, done through a CREATE_NAMESPACE operation.
import type { ServiceDiscoveryContext } from "../context.js";
import { NamespaceAlreadyExists } from "../generated/errors.js";
import type { NamespaceType, Tag } from "../generated/types.js";
import type { NamespaceRecord } from "../store.js";
import { hostedZoneId, namespaceArn, namespaceId } from "./ids.js";
import { discoveryName } from "./instances.js";
import { startOperation } from "./operations.js";
import { mergeTags } from "./tags.js";

export interface NewNamespace {
  Name: string;
  type: NamespaceType;
  CreatorRequestId?: string;
  Description?: string;
  Tags?: Tag[];
  vpc?: string;
  soaTtl?: number;
}

export function createNamespace(ctx: ServiceDiscoveryContext, n: NewNamespace): { OperationId: string } {
  const { state } = ctx;
  const retried = n.CreatorRequestId ? state.requests.get(`namespace:${n.CreatorRequestId}`) : undefined;
  if (retried) return { OperationId: retried };
  const clash = [...state.namespaces.values()].find((ns) => discoveryName(ns) === n.Name);
  if (clash) throw new NamespaceAlreadyExists(`Namespace with name ${n.Name} already exists.`);
  const id = namespaceId(state.ids);
  const arn = namespaceArn(state.region, state.accountId, id);
  const dns = n.type === "HTTP" ? {} : { HostedZoneId: hostedZoneId(state.ids), ...(n.soaTtl !== undefined ? { SOA: { TTL: n.soaTtl } } : {}) };
  const rec: NamespaceRecord = {
    namespace: {
      Id: id,
      Arn: arn,
      Name: n.Name,
      Type: n.type,
      ...(n.Description !== undefined ? { Description: n.Description } : {}),
      Properties: { DnsProperties: dns, HttpProperties: { HttpName: n.Name } },
      CreateDate: ctx.now(),
      ...(n.CreatorRequestId ? { CreatorRequestId: n.CreatorRequestId } : {}),
    },
    ...(n.vpc ? { vpc: n.vpc } : {}),
  };
  const tags = mergeTags([], n.Tags, arn);
  state.namespaces.set(id, rec);
  if (tags.length) state.tags.set(arn, tags);
  const OperationId = startOperation(ctx, "CREATE_NAMESPACE", { NAMESPACE: id });
  if (n.CreatorRequestId) state.requests.set(`namespace:${n.CreatorRequestId}`, OperationId);
  return { OperationId };
}
