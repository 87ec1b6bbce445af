// AWS::EC2::Subnet: Ref is the subnet id; MapPublicIpOnLaunch and tags update in place.
import type { ResourceProvider, ProviderContext } from "./provider.js";
import { retagEc2, tagSpecifications } from "./ec2Tags.js";

function mapPublic(id: string, want: unknown, had: unknown, pc: ProviderContext): void {
  const w = String(want) === "true";
  if (w !== (String(had) === "true")) pc.call("ec2", "ModifySubnetAttribute", { SubnetId: id, MapPublicIpOnLaunch: { Value: w } });
}

export const provider: ResourceProvider = {
  type: "AWS::EC2::Subnet",
  operations: { ec2: ["CreateSubnet", "DeleteSubnet", "ModifySubnetAttribute", "CreateTags", "DeleteTags"] },
  attributes: ["AvailabilityZone", "AvailabilityZoneId", "CidrBlock", "Ipv6CidrBlocks", "NetworkAclAssociationId", "OutpostArn", "SubnetId", "VpcId"],
  replaceOn: ["AvailabilityZone", "AvailabilityZoneId", "CidrBlock", "VpcId", "Ipv6CidrBlock", "Ipv4IpamPoolId", "Ipv4NetmaskLength", "OutpostArn"],
  taggable: true,
  create(props, pc) {
    const input: Record<string, unknown> = { VpcId: props.VpcId, ...tagSpecifications("subnet", props.Tags, pc) };
    for (const k of ["CidrBlock", "AvailabilityZone", "AvailabilityZoneId", "Ipv6CidrBlock"]) if (props[k] !== undefined) input[k] = String(props[k]);
    const s = pc.call("ec2", "CreateSubnet", input).Subnet;
    mapPublic(s.SubnetId, props.MapPublicIpOnLaunch, false, pc);
    return {
      physicalId: s.SubnetId,
      attributes: { SubnetId: s.SubnetId, VpcId: s.VpcId, AvailabilityZone: s.AvailabilityZone, AvailabilityZoneId: s.AvailabilityZoneId, CidrBlock: s.CidrBlock, Ipv6CidrBlocks: [] },
    };
  },
  update(props, old, pc) {
    mapPublic(old.physicalId!, props.MapPublicIpOnLaunch, old.properties?.MapPublicIpOnLaunch, pc);
    retagEc2(pc, old.physicalId!, old.properties?.Tags as never, props.Tags);
    return { physicalId: old.physicalId!, attributes: old.attributes };
  },
  delete(record, pc) {
    pc.call("ec2", "DeleteSubnet", { SubnetId: record.physicalId! });
  },
};
