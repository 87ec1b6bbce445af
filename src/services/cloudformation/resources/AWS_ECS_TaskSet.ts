// AWS::ECS::TaskSet: a task set of a service with the EXTERNAL deployment controller. Ref is the
// task set's id; Scale updates in place, every other change replaces it.
import { toInput } from "./shape.js";
import { tagsMember, type ResourceProvider } from "./provider.js";

export const provider: ResourceProvider = {
  type: "AWS::ECS::TaskSet",
  operations: { ecs: ["CreateTaskSet", "UpdateTaskSet", "DeleteTaskSet"] },
  attributes: ["Id"],
  replaceOn: ["Cluster", "Service", "TaskDefinition", "ExternalId", "LaunchType", "NetworkConfiguration", "LoadBalancers", "PlatformVersion", "ServiceRegistries", "CapacityProviderStrategy"],
  create(props, pc) {
    const ts = pc.call("ecs", "CreateTaskSet", toInput("ecs", "CreateTaskSet", { ...props, Tags: undefined, ...tagsMember(props.Tags, pc) })).taskSet;
    return { physicalId: ts.id, attributes: { Id: ts.id, Arn: ts.taskSetArn, Cluster: props.Cluster, Service: props.Service } };
  },
  update(props, old, pc) {
    pc.call("ecs", "UpdateTaskSet", toInput("ecs", "UpdateTaskSet", { Cluster: props.Cluster, Service: props.Service, TaskSet: old.physicalId, Scale: props.Scale ?? { Unit: "PERCENT", Value: 100 } }));
    return { physicalId: old.physicalId!, attributes: old.attributes };
  },
  delete(record, pc) {
    pc.call("ecs", "DeleteTaskSet", { cluster: String(record.attributes.Cluster), service: String(record.attributes.Service), taskSet: record.physicalId!, force: true });
  },
};
