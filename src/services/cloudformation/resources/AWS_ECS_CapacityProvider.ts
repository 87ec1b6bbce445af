// AWS::ECS::CapacityProvider: Ref is the name; the Auto Scaling group provider's settings update in place.
import { toInput } from "./shape.js";
import { tagsMember, withStackTags, type ResourceProvider } from "./provider.js";
import { retagEcs } from "./ecsTags.js";

export const provider: ResourceProvider = {
  type: "AWS::ECS::CapacityProvider",
  operations: { ecs: ["CreateCapacityProvider", "UpdateCapacityProvider", "DeleteCapacityProvider", "TagResource", "UntagResource"] },
  attributes: [],
  replaceOn: ["Name", "AutoScalingGroupProvider.AutoScalingGroupArn"],
  taggable: true,
  nameProperty: "Name",
  create(props, pc) {
    const input = toInput("ecs", "CreateCapacityProvider", { ...props, Name: props.Name ?? pc.generatedName(255), Tags: undefined, ...tagsMember(props.Tags, pc) });
    const cp = pc.call("ecs", "CreateCapacityProvider", input).capacityProvider;
    return { physicalId: cp.name, attributes: { Arn: cp.capacityProviderArn } };
  },
  update(props, old, pc) {
    const { AutoScalingGroupArn, ...asg } = props.AutoScalingGroupProvider ?? {};
    const input = toInput("ecs", "UpdateCapacityProvider", { Name: old.physicalId, AutoScalingGroupProvider: asg });
    const cp = pc.call("ecs", "UpdateCapacityProvider", input).capacityProvider;
    retagEcs(pc, cp.capacityProviderArn, withStackTags(old.properties?.Tags as never, pc, "previous"), withStackTags(props.Tags, pc));
    return { physicalId: old.physicalId!, attributes: old.attributes };
  },
  delete(record, pc) {
    pc.call("ecs", "DeleteCapacityProvider", { capacityProvider: record.physicalId! });
  },
};
