// AWS::ElasticLoadBalancingV2::ListenerRule: Ref is the ARN; conditions, actions and priority update in place.
import { toInput } from "./shape.js";
import type { ResourceProvider } from "./provider.js";

export const provider: ResourceProvider = {
  type: "AWS::ElasticLoadBalancingV2::ListenerRule",
  operations: { elbv2: ["CreateRule", "DeleteRule", "ModifyRule", "SetRulePriorities"] },
  attributes: ["IsDefault", "RuleArn"],
  replaceOn: ["ListenerArn"],
  create(props, pc) {
    const r = pc.call("elbv2", "CreateRule", toInput("elbv2", "CreateRule", props)).Rules[0];
    return { physicalId: r.RuleArn, attributes: { RuleArn: r.RuleArn, IsDefault: r.IsDefault ?? false } };
  },
  update(props, old, pc) {
    const arn = old.physicalId!;
    if (String(props.Priority) !== String(old.properties?.Priority)) pc.call("elbv2", "SetRulePriorities", { RulePriorities: [{ RuleArn: arn, Priority: Number(props.Priority) }] });
    pc.call("elbv2", "ModifyRule", toInput("elbv2", "ModifyRule", { RuleArn: arn, Conditions: props.Conditions, Actions: props.Actions }));
    return { physicalId: arn, attributes: old.attributes };
  },
  delete(record, pc) {
    pc.call("elbv2", "DeleteRule", { RuleArn: record.physicalId! });
  },
};
