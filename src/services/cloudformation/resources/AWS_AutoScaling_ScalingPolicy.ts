// AWS::AutoScaling::ScalingPolicy: Ref is the policy's ARN; PutScalingPolicy both makes and changes it.
import { toInput } from "./shape.js";
import type { ResourceProvider, ProviderContext } from "./provider.js";

function put(props: Record<string, any>, name: string, pc: ProviderContext): string {
  const { Cooldown, ...rest } = props;
  return pc.call("autoscaling", "PutScalingPolicy", toInput("autoscaling", "PutScalingPolicy", { ...rest, ...(Cooldown !== undefined ? { Cooldown } : {}), PolicyName: name })).PolicyARN;
}

export const provider: ResourceProvider = {
  type: "AWS::AutoScaling::ScalingPolicy",
  operations: { autoscaling: ["PutScalingPolicy", "DeletePolicy"] },
  attributes: ["Arn", "PolicyName"],
  replaceOn: ["AutoScalingGroupName"],
  create(props, pc) {
    const name = pc.generatedName(255, { upper: true });
    const arn = put(props, name, pc);
    return { physicalId: arn, attributes: { Arn: arn, PolicyName: name, AutoScalingGroupName: props.AutoScalingGroupName } };
  },
  update(props, old, pc) {
    put(props, String(old.attributes.PolicyName), pc);
    return { physicalId: old.physicalId!, attributes: old.attributes };
  },
  delete(record, pc) {
    pc.call("autoscaling", "DeletePolicy", { AutoScalingGroupName: String(record.attributes.AutoScalingGroupName), PolicyName: String(record.attributes.PolicyName) });
  },
};
