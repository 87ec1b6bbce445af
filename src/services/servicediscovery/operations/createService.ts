import type { Handler } from "../context.js";
import { InvalidInput, ServiceAlreadyExists } from "../generated/errors.js";
import type { Service } from "../generated/types.js";
import { serviceArn, serviceId } from "../domain/ids.js";
import { getNamespace, servicesIn } from "../domain/lookup.js";
import { checkDns, checkHealthConfig, serviceType } from "../domain/services.js";
import { mergeTags } from "../domain/tags.js";
import { serviceView } from "../domain/views.js";

/** In a namespace (NamespaceId, or the older DnsConfig.NamespaceId); unique by name there. */
export const createService: Handler<"CreateService"> = (input, ctx) => {
  const { state } = ctx;
  const nsRef = input.NamespaceId ?? input.DnsConfig?.NamespaceId;
  if (!nsRef) throw new InvalidInput("NamespaceId is required.");
  const ns = getNamespace(state, nsRef);
  const retried = input.CreatorRequestId ? state.requests.get(`service:${input.CreatorRequestId}`) : undefined;
  if (retried && state.services.has(retried)) return { Service: serviceView(state.services.get(retried)!) };
  if (servicesIn(state, ns.namespace.Id!).some((s) => s.service.Name === input.Name)) throw new ServiceAlreadyExists(`Service with name ${input.Name} already exists in namespace ${ns.namespace.Id}.`);
  const type = serviceType(ns, input.DnsConfig, input.Type);
  const dns = checkDns(input.DnsConfig);
  const hc = input.HealthCheckConfig ? structuredClone(input.HealthCheckConfig) : undefined;
  checkHealthConfig(ns, hc, input.HealthCheckCustomConfig);
  const id = serviceId(state.ids);
  const arn = serviceArn(state.region, state.accountId, id);
  const tags = mergeTags([], input.Tags, arn);
  const service: Service = {
    Id: id,
    Arn: arn,
    Name: input.Name,
    NamespaceId: ns.namespace.Id,
    ...(input.Description !== undefined ? { Description: input.Description } : {}),
    ...(dns ? { DnsConfig: { NamespaceId: ns.namespace.Id, ...dns } } : {}),
    Type: type,
    ...(hc ? { HealthCheckConfig: hc } : {}),
    ...(input.HealthCheckCustomConfig ? { HealthCheckCustomConfig: { FailureThreshold: input.HealthCheckCustomConfig.FailureThreshold ?? 1 } } : {}),
    CreateDate: ctx.now(),
    ...(input.CreatorRequestId ? { CreatorRequestId: input.CreatorRequestId } : {}),
  };
  state.services.set(id, { service, instances: new Map(), attributes: new Map(), revision: 1 });
  if (tags.length) state.tags.set(arn, tags);
  if (input.CreatorRequestId) state.requests.set(`service:${input.CreatorRequestId}`, id);
  return { Service: serviceView(state.services.get(id)!) };
};
