// AWS::ECS::ClusterCapacityProviderAssociations: a cluster's capacity providers and default strategy,
// set through PutClusterCapacityProviders; deleting it empties both. Ref is the cluster name.
import { toInput } from "./shape.js";
import type { ResourceProvider } from "./provider.js";

export const provider: ResourceProvider = {
  type: "AWS::ECS::ClusterCapacityProviderAssociations",
  operations: { ecs: ["PutClusterCapacityProviders"] },
  attributes: [],
  replaceOn: ["Cluster"],
  create(props, pc) {
    pc.call("ecs", "PutClusterCapacityProviders", toInput("ecs", "PutClusterCapacityProviders", { ...props, CapacityProviders: props.CapacityProviders ?? [] }));
    return { physicalId: String(props.Cluster), attributes: {} };
  },
  update(props, old, pc) {
    pc.call("ecs", "PutClusterCapacityProviders", toInput("ecs", "PutClusterCapacityProviders", { ...props, CapacityProviders: props.CapacityProviders ?? [] }));
    return { physicalId: old.physicalId!, attributes: {} };
  },
  delete(record, pc) {
    pc.call("ecs", "PutClusterCapacityProviders", { cluster: record.physicalId!, capacityProviders: [], defaultCapacityProviderStrategy: [] });
  },
};
