// AWS::EC2::InternetGateway: Ref is the gateway's id; tags update in place.
import type { ResourceProvider } from "./provider.js";
import { retagEc2, tagSpecifications } from "./ec2Tags.js";

export const provider: ResourceProvider = {
  type: "AWS::EC2::InternetGateway",
  operations: { ec2: ["CreateInternetGateway", "DeleteInternetGateway", "CreateTags", "DeleteTags"] },
  attributes: ["InternetGatewayId"],
  replaceOn: [],
  taggable: true,
  create(props, pc) {
    const id = pc.call("ec2", "CreateInternetGateway", { ...tagSpecifications("internet-gateway", props.Tags, pc) }).InternetGateway.InternetGatewayId as string;
    return { physicalId: id, attributes: { InternetGatewayId: id } };
  },
  update(props, old, pc) {
    retagEc2(pc, old.physicalId!, old.properties?.Tags as never, props.Tags);
    return { physicalId: old.physicalId!, attributes: old.attributes };
  },
  delete(record, pc) {
    pc.call("ec2", "DeleteInternetGateway", { InternetGatewayId: record.physicalId! });
  },
};
