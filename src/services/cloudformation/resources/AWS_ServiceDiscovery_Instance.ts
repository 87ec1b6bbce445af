// AWS::ServiceDiscovery::Instance: Ref is the instance's id (InstanceId, or one CloudFormation
// generates); its attributes update in place by registering it again under the same id; the
// instance id and service replace. No Fn::GetAtt attributes.
import type { ResourceProvider } from "./provider.js";

const attributeMap = (a: Record<string, unknown> | undefined): Record<string, string> => Object.fromEntries(Object.entries(a ?? {}).map(([k, v]) => [k, String(v)]));

export const provider: ResourceProvider = {
  type: "AWS::ServiceDiscovery::Instance",
  operations: { servicediscovery: ["RegisterInstance", "DeregisterInstance"] },
  attributes: [],
  replaceOn: ["InstanceId", "ServiceId"],
  create(props, pc) {
    const id: string = props.InstanceId ?? pc.generatedName(64);
    pc.call("servicediscovery", "RegisterInstance", { ServiceId: props.ServiceId, InstanceId: id, Attributes: attributeMap(props.InstanceAttributes) });
    return { physicalId: id, attributes: {} };
  },
  update(props, old, pc) {
    pc.call("servicediscovery", "RegisterInstance", { ServiceId: props.ServiceId, InstanceId: old.physicalId!, Attributes: attributeMap(props.InstanceAttributes) });
    return { physicalId: old.physicalId!, attributes: {} };
  },
  delete(record, pc) {
    pc.call("servicediscovery", "DeregisterInstance", { ServiceId: String(record.properties?.ServiceId), InstanceId: record.physicalId! });
  },
};
