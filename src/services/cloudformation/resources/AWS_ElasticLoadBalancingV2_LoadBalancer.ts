// AWS::ElasticLoadBalancingV2::LoadBalancer: Ref is the ARN; attributes, subnets, security groups and tags update in place.
import { toInput } from "./shape.js";
import { tagsMember, type ProviderContext, type ResourceProvider } from "./provider.js";
import { attributeList, retagElb } from "./elbTags.js";

function attributes(lb: Record<string, any>) {
  const fullName = lb.LoadBalancerArn.split(":loadbalancer/")[1];
  return {
    LoadBalancerArn: lb.LoadBalancerArn,
    DNSName: lb.DNSName,
    CanonicalHostedZoneID: lb.CanonicalHostedZoneId,
    LoadBalancerName: lb.LoadBalancerName,
    LoadBalancerFullName: fullName,
    SecurityGroups: lb.SecurityGroups ?? [],
  };
}

function describe(arn: string, pc: ProviderContext) {
  return pc.call("elbv2", "DescribeLoadBalancers", { LoadBalancerArns: [arn] }).LoadBalancers[0];
}

export const provider: ResourceProvider = {
  type: "AWS::ElasticLoadBalancingV2::LoadBalancer",
  operations: { elbv2: ["CreateLoadBalancer", "DeleteLoadBalancer", "DescribeLoadBalancers", "ModifyLoadBalancerAttributes", "SetSubnets", "SetSecurityGroups", "AddTags", "RemoveTags"] },
  attributes: ["CanonicalHostedZoneID", "DNSName", "LoadBalancerArn", "LoadBalancerFullName", "LoadBalancerName", "SecurityGroups"],
  replaceOn: ["Name", "Scheme", "Type"],
  taggable: true,
  nameProperty: "Name",
  create(props, pc) {
    const { LoadBalancerAttributes, ...rest } = props;
    const input = toInput("elbv2", "CreateLoadBalancer", { ...rest, Name: props.Name ?? pc.generatedName(32, { upper: true }), Tags: undefined, ...tagsMember(props.Tags, pc) });
    const lb = pc.call("elbv2", "CreateLoadBalancer", input).LoadBalancers[0];
    if (LoadBalancerAttributes?.length) pc.call("elbv2", "ModifyLoadBalancerAttributes", { LoadBalancerArn: lb.LoadBalancerArn, Attributes: attributeList(LoadBalancerAttributes) });
    return { physicalId: lb.LoadBalancerArn, attributes: attributes(lb) };
  },
  update(props, old, pc) {
    const arn = old.physicalId!;
    const before = old.properties ?? {};
    const same = (k: string) => JSON.stringify(props[k]) === JSON.stringify(before[k]);
    if (!same("Subnets") || !same("SubnetMappings")) pc.call("elbv2", "SetSubnets", toInput("elbv2", "SetSubnets", { LoadBalancerArn: arn, Subnets: props.Subnets, SubnetMappings: props.SubnetMappings }));
    if (!same("SecurityGroups")) pc.call("elbv2", "SetSecurityGroups", { LoadBalancerArn: arn, SecurityGroups: props.SecurityGroups ?? [] });
    if (!same("LoadBalancerAttributes")) pc.call("elbv2", "ModifyLoadBalancerAttributes", { LoadBalancerArn: arn, Attributes: attributeList(props.LoadBalancerAttributes) });
    retagElb(pc, arn, before.Tags as never, props.Tags);
    return { physicalId: arn, attributes: attributes(describe(arn, pc)) };
  },
  delete(record, pc) {
    pc.call("elbv2", "DeleteLoadBalancer", { LoadBalancerArn: record.physicalId! });
  },
};
