// Cloud Map's namespaces for their providers (AWS::ServiceDiscovery::HttpNamespace,
// PrivateDnsNamespace, PublicDnsNamespace): made through the Create…Namespace operation and found by
// the operation's target, described, updated (description, SOA TTL) and tagged in place. Ref is the
// namespace's id; Fn::GetAtt Id, Arn and, for DNS namespaces, HostedZoneId.
import { withStackTags, type ProviderContext, type ResourceProvider } from "./provider.js";

type Kind = "Http" | "PrivateDns" | "PublicDns";
type Tag = { Key: string; Value: string };

/** Tags follow the template on update, through Cloud Map's TagResource and UntagResource. */
export function retagCloudMap(pc: ProviderContext, arn: string, before: Tag[] | undefined, after: Tag[] | undefined): void {
  const b = withStackTags(before, pc, "previous");
  const a = withStackTags(after, pc);
  const gone = b.filter((t) => !a.some((x) => x.Key === t.Key)).map((t) => t.Key);
  if (gone.length) pc.call("servicediscovery", "UntagResource", { ResourceARN: arn, TagKeys: gone });
  if (a.length && JSON.stringify(a) !== JSON.stringify(b)) pc.call("servicediscovery", "TagResource", { ResourceARN: arn, Tags: a });
}

const soa = (props: Record<string, any>) => props.Properties?.DnsProperties?.SOA?.TTL;

function dnsProperties(props: Record<string, any>): Record<string, unknown> {
  return soa(props) !== undefined ? { Properties: { DnsProperties: { SOA: { TTL: Number(soa(props)) } } } } : {};
}

function attributes(kind: Kind, ns: Record<string, any>): Record<string, unknown> {
  return { Id: ns.Id, Arn: ns.Arn, ...(kind === "Http" ? {} : { HostedZoneId: ns.Properties?.DnsProperties?.HostedZoneId }) };
}

export function namespaceProvider(kind: Kind): ResourceProvider {
  const ops = [`Create${kind}Namespace`, `Update${kind}Namespace`, "GetOperation", "GetNamespace", "DeleteNamespace", "TagResource", "UntagResource"];
  return {
    type: `AWS::ServiceDiscovery::${kind}Namespace`,
    operations: { servicediscovery: ops, ...(kind === "PrivateDns" ? { ec2: ["DescribeVpcs"] } : {}) },
    attributes: kind === "Http" ? ["Arn", "Id"] : ["Arn", "HostedZoneId", "Id"],
    replaceOn: kind === "PrivateDns" ? ["Name", "Vpc"] : ["Name"],
    taggable: true,
    nameProperty: "Name",
    create(props, pc) {
      const tags = withStackTags(props.Tags, pc);
      const { OperationId } = pc.call("servicediscovery", `Create${kind}Namespace`, {
        Name: props.Name,
        ...(props.Description !== undefined ? { Description: props.Description } : {}),
        ...(kind === "PrivateDns" ? { Vpc: props.Vpc } : {}),
        ...(kind === "Http" ? {} : dnsProperties(props)),
        ...(tags.length ? { Tags: tags } : {}),
      });
      const id = pc.call("servicediscovery", "GetOperation", { OperationId }).Operation.Targets.NAMESPACE;
      const ns = pc.call("servicediscovery", "GetNamespace", { Id: id }).Namespace;
      return { physicalId: id, attributes: attributes(kind, ns) };
    },
    update(props, old, pc) {
      const id = old.physicalId!;
      const before = old.properties ?? {};
      const described = props.Description !== before.Description;
      const soaChanged = kind !== "Http" && String(soa(props)) !== String(soa(before));
      if (described || soaChanged) {
        const change = kind === "Http" ? { Description: props.Description ?? "" } : { ...(described ? { Description: props.Description ?? "" } : {}), ...(soaChanged && soa(props) !== undefined ? dnsProperties(props) : {}) };
        pc.call("servicediscovery", `Update${kind}Namespace`, { Id: id, Namespace: change });
      }
      retagCloudMap(pc, String(old.attributes.Arn), before.Tags as Tag[] | undefined, props.Tags);
      return { physicalId: id, attributes: old.attributes };
    },
    delete(record, pc) {
      pc.call("servicediscovery", "DeleteNamespace", { Id: record.physicalId! });
    },
  };
}
