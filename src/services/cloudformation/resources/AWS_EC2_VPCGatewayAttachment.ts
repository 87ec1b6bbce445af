// AWS::EC2::VPCGatewayAttachment: an internet gateway attached to a VPC; Ref is `IGW|<vpc id>`.
// Virtual private gateways (VpnGatewayId) are not served.
import type { ResourceProvider } from "./provider.js";

export const provider: ResourceProvider = {
  type: "AWS::EC2::VPCGatewayAttachment",
  operations: { ec2: ["AttachInternetGateway", "DetachInternetGateway"] },
  attributes: ["AttachmentType"],
  replaceOn: ["*"],
  create(props, pc) {
    if (props.InternetGatewayId === undefined) throw new Error("ecs-local serves internet gateways only: a VPCGatewayAttachment needs InternetGatewayId.");
    pc.call("ec2", "AttachInternetGateway", { InternetGatewayId: props.InternetGatewayId, VpcId: props.VpcId });
    return { physicalId: `IGW|${props.VpcId}`, attributes: { AttachmentType: "IGW", InternetGatewayId: props.InternetGatewayId, VpcId: props.VpcId } };
  },
  delete(record, pc) {
    pc.call("ec2", "DetachInternetGateway", { InternetGatewayId: String(record.attributes.InternetGatewayId), VpcId: String(record.attributes.VpcId) });
  },
};
