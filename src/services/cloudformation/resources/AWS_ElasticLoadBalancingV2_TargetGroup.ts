// AWS::ElasticLoadBalancingV2::TargetGroup: Ref is the ARN; health checks, attributes, targets and tags update in place.
import { toInput } from "./shape.js";
import { tagsMember, type ProviderContext, type ResourceProvider } from "./provider.js";
import { attributeList, retagElb } from "./elbTags.js";

const HEALTH = ["HealthCheckEnabled", "HealthCheckIntervalSeconds", "HealthCheckPath", "HealthCheckPort", "HealthCheckProtocol", "HealthCheckTimeoutSeconds", "HealthyThresholdCount", "UnhealthyThresholdCount", "Matcher"];

function attributes(tg: Record<string, any>) {
  return {
    TargetGroupArn: tg.TargetGroupArn,
    TargetGroupName: tg.TargetGroupName,
    TargetGroupFullName: tg.TargetGroupArn.split(":").pop(),
    LoadBalancerArns: tg.LoadBalancerArns ?? [],
  };
}

const describe = (arn: string, pc: ProviderContext) => pc.call("elbv2", "DescribeTargetGroups", { TargetGroupArns: [arn] }).TargetGroups[0];

function targets(arn: string, add: unknown[] = [], remove: unknown[] = [], pc: ProviderContext): void {
  const key = (t: unknown) => JSON.stringify(t);
  const gone = remove.filter((t) => !add.some((a) => key(a) === key(t)));
  const fresh = add.filter((t) => !remove.some((r) => key(r) === key(t)));
  if (gone.length) pc.call("elbv2", "DeregisterTargets", toInput("elbv2", "DeregisterTargets", { TargetGroupArn: arn, Targets: gone }));
  if (fresh.length) pc.call("elbv2", "RegisterTargets", toInput("elbv2", "RegisterTargets", { TargetGroupArn: arn, Targets: fresh }));
}

export const provider: ResourceProvider = {
  type: "AWS::ElasticLoadBalancingV2::TargetGroup",
  operations: { elbv2: ["CreateTargetGroup", "DeleteTargetGroup", "DescribeTargetGroups", "ModifyTargetGroup", "ModifyTargetGroupAttributes", "RegisterTargets", "DeregisterTargets", "AddTags", "RemoveTags"] },
  attributes: ["LoadBalancerArns", "TargetGroupArn", "TargetGroupFullName", "TargetGroupName"],
  replaceOn: ["Name", "Port", "Protocol", "ProtocolVersion", "TargetType", "VpcId", "IpAddressType"],
  taggable: true,
  nameProperty: "Name",
  create(props, pc) {
    const { TargetGroupAttributes, Targets, ...rest } = props;
    const input = toInput("elbv2", "CreateTargetGroup", { ...rest, Name: props.Name ?? pc.generatedName(32, { upper: true }), Tags: undefined, ...tagsMember(props.Tags, pc) });
    const tg = pc.call("elbv2", "CreateTargetGroup", input).TargetGroups[0];
    if (TargetGroupAttributes?.length) pc.call("elbv2", "ModifyTargetGroupAttributes", { TargetGroupArn: tg.TargetGroupArn, Attributes: attributeList(TargetGroupAttributes) });
    targets(tg.TargetGroupArn, Targets, [], pc);
    return { physicalId: tg.TargetGroupArn, attributes: attributes(tg) };
  },
  update(props, old, pc) {
    const arn = old.physicalId!;
    const before = old.properties ?? {};
    if (HEALTH.some((k) => JSON.stringify(props[k]) !== JSON.stringify(before[k]))) {
      const picked = Object.fromEntries(HEALTH.filter((k) => props[k] !== undefined).map((k) => [k, props[k]]));
      pc.call("elbv2", "ModifyTargetGroup", toInput("elbv2", "ModifyTargetGroup", { TargetGroupArn: arn, ...picked }));
    }
    if (JSON.stringify(props.TargetGroupAttributes) !== JSON.stringify(before.TargetGroupAttributes) && props.TargetGroupAttributes?.length) {
      pc.call("elbv2", "ModifyTargetGroupAttributes", { TargetGroupArn: arn, Attributes: attributeList(props.TargetGroupAttributes) });
    }
    targets(arn, props.Targets, before.Targets as unknown[], pc);
    retagElb(pc, arn, before.Tags as never, props.Tags);
    return { physicalId: arn, attributes: attributes(describe(arn, pc)) };
  },
  delete(record, pc) {
    pc.call("elbv2", "DeleteTargetGroup", { TargetGroupArn: record.physicalId! });
  },
};
