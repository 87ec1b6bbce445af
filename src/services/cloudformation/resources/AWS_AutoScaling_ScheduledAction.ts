// AWS::AutoScaling::ScheduledAction: Ref is the action's name; PutScheduledUpdateGroupAction both makes and changes it.
import { toInput } from "./shape.js";
import type { ResourceProvider, ProviderContext } from "./provider.js";

function put(props: Record<string, any>, name: string, pc: ProviderContext): void {
  pc.call("autoscaling", "PutScheduledUpdateGroupAction", toInput("autoscaling", "PutScheduledUpdateGroupAction", { ...props, ScheduledActionName: name }));
}

export const provider: ResourceProvider = {
  type: "AWS::AutoScaling::ScheduledAction",
  operations: { autoscaling: ["PutScheduledUpdateGroupAction", "DeleteScheduledAction"] },
  attributes: [],
  replaceOn: ["AutoScalingGroupName"],
  create(props, pc) {
    const name = pc.generatedName(255, { upper: true });
    put(props, name, pc);
    return { physicalId: name, attributes: { AutoScalingGroupName: props.AutoScalingGroupName } };
  },
  update(props, old, pc) {
    put(props, old.physicalId!, pc);
    return { physicalId: old.physicalId!, attributes: old.attributes };
  },
  delete(record, pc) {
    pc.call("autoscaling", "DeleteScheduledAction", { AutoScalingGroupName: String(record.attributes.AutoScalingGroupName), ScheduledActionName: record.physicalId! });
  },
};
