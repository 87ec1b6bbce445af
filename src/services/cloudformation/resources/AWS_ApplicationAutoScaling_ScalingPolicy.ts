// AWS::ApplicationAutoScaling::ScalingPolicy: Ref is the policy's ARN; PutScalingPolicy both makes and
// changes it. The target is named by ScalingTargetId (a ScalableTarget's Ref) or by its three parts.
import { toInput } from "./shape.js";
import type { ProviderContext, ResourceProvider } from "./provider.js";

function target(props: Record<string, any>) {
  if (props.ScalingTargetId === undefined) return { ServiceNamespace: props.ServiceNamespace, ResourceId: props.ResourceId, ScalableDimension: props.ScalableDimension };
  const [ResourceId, ScalableDimension, ServiceNamespace] = String(props.ScalingTargetId).split("|");
  return { ServiceNamespace, ResourceId, ScalableDimension };
}

function put(props: Record<string, any>, pc: ProviderContext): string {
  const { ScalingTargetId, ...rest } = props;
  return pc.call("application-autoscaling", "PutScalingPolicy", toInput("application-autoscaling", "PutScalingPolicy", { ...rest, ...target(props) })).PolicyARN;
}

export const provider: ResourceProvider = {
  type: "AWS::ApplicationAutoScaling::ScalingPolicy",
  operations: { "application-autoscaling": ["PutScalingPolicy", "DeleteScalingPolicy"] },
  attributes: ["Arn"],
  replaceOn: ["PolicyName", "ResourceId", "ScalableDimension", "ServiceNamespace", "ScalingTargetId"],
  nameProperty: "PolicyName",
  create(props, pc) {
    const arn = put(props, pc);
    return { physicalId: arn, attributes: { Arn: arn } };
  },
  update(props, old, pc) {
    put(props, pc);
    return { physicalId: old.physicalId!, attributes: old.attributes };
  },
  delete(record, pc) {
    const p = record.properties ?? {};
    pc.call("application-autoscaling", "DeleteScalingPolicy", { PolicyName: p.PolicyName, ...target(p) });
  },
};
