// AWS::ECS::TaskDefinition: every change registers a new revision (a replacement); the old revision
// is deregistered in the cleanup. Ref is the revision's ARN.
import { toInput } from "./shape.js";
import { tagsMember, type ResourceProvider } from "./provider.js";

export const provider: ResourceProvider = {
  type: "AWS::ECS::TaskDefinition",
  operations: { ecs: ["RegisterTaskDefinition", "DeregisterTaskDefinition"] },
  attributes: ["TaskDefinitionArn"],
  replaceOn: ["*"],
  create(props, pc) {
    const family = props.Family ?? pc.generatedName(255);
    const out = pc.call("ecs", "RegisterTaskDefinition", toInput("ecs", "RegisterTaskDefinition", { ...props, Family: family, Tags: undefined, ...tagsMember(props.Tags, pc) }));
    const arn = out.taskDefinition.taskDefinitionArn as string;
    return { physicalId: arn, attributes: { TaskDefinitionArn: arn } };
  },
  delete(record, pc) {
    pc.call("ecs", "DeregisterTaskDefinition", { taskDefinition: record.physicalId! });
  },
};
