// AWS::AutoScaling::LifecycleHook: Ref is the hook's name; PutLifecycleHook both makes and changes it.
import { toInput } from "./shape.js";
import type { ResourceProvider, ProviderContext } from "./provider.js";

function put(props: Record<string, any>, name: string, pc: ProviderContext): void {
  pc.call("autoscaling", "PutLifecycleHook", toInput("autoscaling", "PutLifecycleHook", { ...props, LifecycleHookName: name }));
}

export const provider: ResourceProvider = {
  type: "AWS::AutoScaling::LifecycleHook",
  operations: { autoscaling: ["PutLifecycleHook", "DeleteLifecycleHook"] },
  attributes: [],
  replaceOn: ["AutoScalingGroupName", "LifecycleHookName"],
  nameProperty: "LifecycleHookName",
  create(props, pc) {
    const name = props.LifecycleHookName ?? pc.generatedName(255, { upper: true });
    put(props, name, pc);
    return { physicalId: name, attributes: { AutoScalingGroupName: props.AutoScalingGroupName } };
  },
  update(props, old, pc) {
    put(props, old.physicalId!, pc);
    return { physicalId: old.physicalId!, attributes: old.attributes };
  },
  delete(record, pc) {
    pc.call("autoscaling", "DeleteLifecycleHook", { LifecycleHookName: record.physicalId!, AutoScalingGroupName: String(record.attributes.AutoScalingGroupName) });
  },
};
