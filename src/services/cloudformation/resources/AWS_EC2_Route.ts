// AWS::EC2::Route: Ref is `<route table id>|<destination>`; a new target replaces the route in
// place (ReplaceRoute), a new table or destination replaces the resource.
import { toInput } from "./shape.js";
import type { ResourceProvider } from "./provider.js";

const TARGETS = ["GatewayId", "NatGatewayId", "InstanceId", "NetworkInterfaceId", "VpcPeeringConnectionId", "TransitGatewayId", "EgressOnlyInternetGatewayId", "LocalGatewayId", "CarrierGatewayId", "VpcEndpointId", "CoreNetworkArn"];

const destination = (props: Record<string, any>) => props.DestinationCidrBlock ?? props.DestinationIpv6CidrBlock ?? props.DestinationPrefixListId;

function input(props: Record<string, any>) {
  const picked = Object.fromEntries(["RouteTableId", "DestinationCidrBlock", "DestinationIpv6CidrBlock", "DestinationPrefixListId", ...TARGETS].filter((k) => props[k] !== undefined).map((k) => [k, props[k]]));
  return picked;
}

export const provider: ResourceProvider = {
  type: "AWS::EC2::Route",
  operations: { ec2: ["CreateRoute", "ReplaceRoute", "DeleteRoute"] },
  attributes: ["CidrBlock"],
  replaceOn: ["RouteTableId", "DestinationCidrBlock", "DestinationIpv6CidrBlock", "DestinationPrefixListId"],
  create(props, pc) {
    pc.call("ec2", "CreateRoute", toInput("ec2", "CreateRoute", input(props)));
    return { physicalId: `${props.RouteTableId}|${destination(props)}`, attributes: { CidrBlock: props.DestinationCidrBlock } };
  },
  update(props, old, pc) {
    pc.call("ec2", "ReplaceRoute", toInput("ec2", "ReplaceRoute", input(props)));
    return { physicalId: old.physicalId!, attributes: old.attributes };
  },
  delete(record, pc) {
    const p = record.properties ?? {};
    const dest = Object.fromEntries(["DestinationCidrBlock", "DestinationIpv6CidrBlock", "DestinationPrefixListId"].filter((k) => p[k] !== undefined).map((k) => [k, p[k]]));
    pc.call("ec2", "DeleteRoute", { RouteTableId: p.RouteTableId, ...dest });
  },
};
