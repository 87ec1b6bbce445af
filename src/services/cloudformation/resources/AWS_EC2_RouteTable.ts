// AWS::EC2::RouteTable: Ref is the route table's id; VpcId replaces, tags update in place.
import type { ResourceProvider } from "./provider.js";
import { retagEc2, tagSpecifications } from "./ec2Tags.js";

export const provider: ResourceProvider = {
  type: "AWS::EC2::RouteTable",
  operations: { ec2: ["CreateRouteTable", "DeleteRouteTable", "CreateTags", "DeleteTags"] },
  attributes: ["RouteTableId"],
  replaceOn: ["VpcId"],
  taggable: true,
  create(props, pc) {
    const id = pc.call("ec2", "CreateRouteTable", { VpcId: props.VpcId, ...tagSpecifications("route-table", props.Tags, pc) }).RouteTable.RouteTableId as string;
    return { physicalId: id, attributes: { RouteTableId: id } };
  },
  update(props, old, pc) {
    retagEc2(pc, old.physicalId!, old.properties?.Tags as never, props.Tags);
    return { physicalId: old.physicalId!, attributes: old.attributes };
  },
  delete(record, pc) {
    pc.call("ec2", "DeleteRouteTable", { RouteTableId: record.physicalId! });
  },
};
