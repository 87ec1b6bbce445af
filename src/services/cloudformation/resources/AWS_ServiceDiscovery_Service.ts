// AWS::ServiceDiscovery::Service: Ref is the service's id; Fn::GetAtt Id, Arn and Name. The
// description, the DNS records' TTLs, the Route 53 health check, service attributes and tags update
// in place; the name, namespace, type and custom health check replace (the resource's
// createOnlyProperties). A service still holding instances cannot be deleted (Cloud Map's refusal).
import { withStackTags, type ResourceProvider } from "./provider.js";
import { retagCloudMap } from "./cloudMap.js";

type Json = Record<string, any>;
const same = (a: unknown, b: unknown): boolean => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

function dnsConfig(d: Json | undefined): Json | undefined {
  if (!d) return undefined;
  return {
    ...(d.NamespaceId !== undefined ? { NamespaceId: d.NamespaceId } : {}),
    ...(d.RoutingPolicy !== undefined ? { RoutingPolicy: d.RoutingPolicy } : {}),
    DnsRecords: (d.DnsRecords ?? []).map((r: Json) => ({ Type: r.Type, TTL: Number(r.TTL) })),
  };
}

function healthCheck(h: Json | undefined): Json | undefined {
  if (!h) return undefined;
  return { Type: h.Type, ...(h.ResourcePath !== undefined ? { ResourcePath: h.ResourcePath } : {}), ...(h.FailureThreshold !== undefined ? { FailureThreshold: Number(h.FailureThreshold) } : {}) };
}

const attributeMap = (a: Json | undefined): Record<string, string> => Object.fromEntries(Object.entries(a ?? {}).map(([k, v]) => [k, String(v)]));

export const provider: ResourceProvider = {
  type: "AWS::ServiceDiscovery::Service",
  operations: { servicediscovery: ["CreateService", "UpdateService", "DeleteService", "UpdateServiceAttributes", "DeleteServiceAttributes", "TagResource", "UntagResource"] },
  attributes: ["Arn", "Id", "Name"],
  replaceOn: ["Name", "NamespaceId", "Type", "HealthCheckCustomConfig"],
  taggable: true,
  nameProperty: "Name",
  create(props, pc) {
    const name: string = props.Name ?? pc.generatedName(63);
    const tags = withStackTags(props.Tags, pc);
    const dns = dnsConfig(props.DnsConfig);
    const hc = healthCheck(props.HealthCheckConfig);
    const s = pc.call("servicediscovery", "CreateService", {
      Name: name,
      ...(props.NamespaceId !== undefined ? { NamespaceId: props.NamespaceId } : {}),
      ...(props.Description !== undefined ? { Description: props.Description } : {}),
      ...(dns ? { DnsConfig: dns } : {}),
      ...(hc ? { HealthCheckConfig: hc } : {}),
      ...(props.HealthCheckCustomConfig !== undefined ? { HealthCheckCustomConfig: props.HealthCheckCustomConfig.FailureThreshold !== undefined ? { FailureThreshold: Number(props.HealthCheckCustomConfig.FailureThreshold) } : {} } : {}),
      ...(props.Type !== undefined ? { Type: props.Type } : {}),
      ...(tags.length ? { Tags: tags } : {}),
    }).Service;
    if (props.ServiceAttributes && Object.keys(props.ServiceAttributes).length) pc.call("servicediscovery", "UpdateServiceAttributes", { ServiceId: s.Id, Attributes: attributeMap(props.ServiceAttributes) });
    return { physicalId: s.Id, attributes: { Id: s.Id, Arn: s.Arn, Name: s.Name } };
  },
  update(props, old, pc) {
    const id = old.physicalId!;
    const before = old.properties ?? {};
    const change: Json = {};
    if (!same(props.Description, before.Description)) change.Description = props.Description ?? "";
    if (!same(props.DnsConfig?.DnsRecords, (before.DnsConfig as Json | undefined)?.DnsRecords) && props.DnsConfig) change.DnsConfig = { DnsRecords: dnsConfig(props.DnsConfig)!.DnsRecords };
    if (!same(props.HealthCheckConfig, before.HealthCheckConfig) && props.HealthCheckConfig) change.HealthCheckConfig = healthCheck(props.HealthCheckConfig);
    if (Object.keys(change).length) pc.call("servicediscovery", "UpdateService", { Id: id, Service: change });
    const was = attributeMap(before.ServiceAttributes as Json);
    const now = attributeMap(props.ServiceAttributes);
    const gone = Object.keys(was).filter((k) => !(k in now));
    if (gone.length) pc.call("servicediscovery", "DeleteServiceAttributes", { ServiceId: id, Attributes: gone });
    if (Object.keys(now).length && !same(now, was)) pc.call("servicediscovery", "UpdateServiceAttributes", { ServiceId: id, Attributes: now });
    retagCloudMap(pc, String(old.attributes.Arn), before.Tags as never, props.Tags);
    return { physicalId: id, attributes: old.attributes };
  },
  delete(record, pc) {
    pc.call("servicediscovery", "DeleteService", { Id: record.physicalId! });
  },
};
