// AWS::ECS::Cluster: Ref is the cluster name; ClusterName replaces, the rest updates in place.
import { toInput } from "./shape.js";
import { tagsMember, withStackTags, type ProviderContext, type ResourceProvider } from "./provider.js";
import { retagEcs } from "./ecsTags.js";
import type { ResourceRecord } from "../context.js";
import { CLOUD_MAP_OPERATIONS } from "../../ecs/domain/cloudMap.js";

function input(props: Record<string, any>, pc: ProviderContext, name: string) {
  const { ClusterSettings, ...rest } = props;
  return toInput("ecs", "CreateCluster", { ...rest, ClusterName: name, Settings: ClusterSettings, Tags: undefined, ...tagsMember(props.Tags, pc) });
}

const made = (cluster: { clusterArn: string; clusterName: string }) => ({ physicalId: cluster.clusterName, attributes: { Arn: cluster.clusterArn } });

export const provider: ResourceProvider = {
  type: "AWS::ECS::Cluster",
  operations: { ecs: ["CreateCluster", "DeleteCluster", "UpdateCluster", "PutClusterCapacityProviders", "TagResource", "UntagResource"], servicediscovery: CLOUD_MAP_OPERATIONS },
  attributes: ["Arn"],
  replaceOn: ["ClusterName"],
  taggable: true,
  nameProperty: "ClusterName",
  create(props, pc) {
    const out = pc.call("ecs", "CreateCluster", input(props, pc, props.ClusterName ?? pc.generatedName(255)));
    return made(out.cluster);
  },
  update(props, old: ResourceRecord, pc) {
    const name = old.physicalId!;
    const next = input(props, pc, name);
    pc.call("ecs", "UpdateCluster", { cluster: name, settings: next.settings ?? [], configuration: next.configuration ?? {}, ...(next.serviceConnectDefaults ? { serviceConnectDefaults: next.serviceConnectDefaults } : {}) });
    pc.call("ecs", "PutClusterCapacityProviders", {
      cluster: name,
      capacityProviders: next.capacityProviders ?? [],
      defaultCapacityProviderStrategy: next.defaultCapacityProviderStrategy ?? [],
    });
    retagEcs(pc, String(old.attributes.Arn), withStackTags(old.properties?.Tags as never, pc, "previous"), withStackTags(props.Tags, pc));
    return { physicalId: name, attributes: old.attributes };
  },
  delete(record, pc) {
    pc.call("ecs", "DeleteCluster", { cluster: record.physicalId! });
  },
};
