// AWS::EC2::SubnetRouteTableAssociation: Ref is the association's id; a new route table moves the
// association (ReplaceRouteTableAssociation, which gives a new id); a new subnet replaces it.
import type { ResourceProvider } from "./provider.js";

export const provider: ResourceProvider = {
  type: "AWS::EC2::SubnetRouteTableAssociation",
  operations: { ec2: ["AssociateRouteTable", "ReplaceRouteTableAssociation", "DisassociateRouteTable"] },
  attributes: ["Id"],
  replaceOn: ["SubnetId"],
  create(props, pc) {
    const id = pc.call("ec2", "AssociateRouteTable", { SubnetId: props.SubnetId, RouteTableId: props.RouteTableId }).AssociationId as string;
    return { physicalId: id, attributes: { Id: id } };
  },
  update(props, old, pc) {
    const id = pc.call("ec2", "ReplaceRouteTableAssociation", { AssociationId: old.physicalId!, RouteTableId: props.RouteTableId }).NewAssociationId as string;
    return { physicalId: id, attributes: { Id: id } };
  },
  delete(record, pc) {
    pc.call("ec2", "DisassociateRouteTable", { AssociationId: record.physicalId! });
  },
};
