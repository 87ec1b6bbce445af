// AWS::ElasticLoadBalancingV2::Listener: Ref is the ARN; everything but the load balancer updates through ModifyListener.
import { toInput } from "./shape.js";
import type { ResourceProvider } from "./provider.js";

export const provider: ResourceProvider = {
  type: "AWS::ElasticLoadBalancingV2::Listener",
  operations: { elbv2: ["CreateListener", "DeleteListener", "ModifyListener"] },
  attributes: ["ListenerArn"],
  replaceOn: ["LoadBalancerArn"],
  create(props, pc) {
    const l = pc.call("elbv2", "CreateListener", toInput("elbv2", "CreateListener", props)).Listeners[0];
    return { physicalId: l.ListenerArn, attributes: { ListenerArn: l.ListenerArn } };
  },
  update(props, old, pc) {
    const { LoadBalancerArn, ...rest } = props;
    pc.call("elbv2", "ModifyListener", toInput("elbv2", "ModifyListener", { ...rest, ListenerArn: old.physicalId }));
    return { physicalId: old.physicalId!, attributes: old.attributes };
  },
  delete(record, pc) {
    pc.call("elbv2", "DeleteListener", { ListenerArn: record.physicalId! });
  },
};
