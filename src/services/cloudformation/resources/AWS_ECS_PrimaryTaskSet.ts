// AWS::ECS::PrimaryTaskSet: which task set of an EXTERNAL service is primary (UpdateServicePrimaryTaskSet).
// A service always has a primary once set, so deleting the resource changes nothing, as at AWS.
import type { ResourceProvider } from "./provider.js";

function setPrimary(props: Record<string, any>, pc: Parameters<ResourceProvider["create"]>[1]) {
  return pc.call("ecs", "UpdateServicePrimaryTaskSet", { cluster: String(props.Cluster), service: String(props.Service), primaryTaskSet: String(props.TaskSetId) }).taskSet;
}

export const provider: ResourceProvider = {
  type: "AWS::ECS::PrimaryTaskSet",
  operations: { ecs: ["UpdateServicePrimaryTaskSet"] },
  attributes: [],
  replaceOn: ["Cluster", "Service"],
  create(props, pc) {
    setPrimary(props, pc);
    return { physicalId: `${props.Cluster}|${props.Service}`, attributes: {} };
  },
  update(props, old, pc) {
    setPrimary(props, pc);
    return { physicalId: old.physicalId!, attributes: {} };
  },
  delete: () => undefined,
};
