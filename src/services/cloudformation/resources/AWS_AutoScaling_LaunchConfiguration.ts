// AWS::AutoScaling::LaunchConfiguration: Ref is its name; launch configurations cannot change, so every change replaces it.
import { toInput } from "./shape.js";
import type { ResourceProvider } from "./provider.js";

export const provider: ResourceProvider = {
  type: "AWS::AutoScaling::LaunchConfiguration",
  operations: { autoscaling: ["CreateLaunchConfiguration", "DeleteLaunchConfiguration"] },
  attributes: [],
  replaceOn: ["*"],
  nameProperty: "LaunchConfigurationName",
  create(props, pc) {
    const name = props.LaunchConfigurationName ?? pc.generatedName(255, { upper: true });
    pc.call("autoscaling", "CreateLaunchConfiguration", toInput("autoscaling", "CreateLaunchConfiguration", { ...props, LaunchConfigurationName: name }));
    return { physicalId: name, attributes: {} };
  },
  delete(record, pc) {
    pc.call("autoscaling", "DeleteLaunchConfiguration", { LaunchConfigurationName: record.physicalId! });
  },
};
