// AWS::EC2::EIP: an Elastic IP in the VPC; Ref is its public address, AllocationId an attribute.
// InstanceId associates it; deleting it disassociates it first.
import type { ResourceProvider, ProviderContext } from "./provider.js";
import { tagSpecifications, retagEc2 } from "./ec2Tags.js";

function associate(pc: ProviderContext, allocationId: string, before: unknown, after: unknown): void {
  if (before === after) return;
  if (before !== undefined) {
    const a = pc.call("ec2", "DescribeAddresses", { AllocationIds: [allocationId] }).Addresses?.[0];
    if (a?.AssociationId) pc.call("ec2", "DisassociateAddress", { AssociationId: a.AssociationId });
  }
  if (after !== undefined) pc.call("ec2", "AssociateAddress", { AllocationId: allocationId, InstanceId: after });
}

export const provider: ResourceProvider = {
  type: "AWS::EC2::EIP",
  operations: { ec2: ["AllocateAddress", "ReleaseAddress", "AssociateAddress", "DisassociateAddress", "DescribeAddresses", "CreateTags", "DeleteTags"] },
  attributes: ["AllocationId", "PublicIp"],
  replaceOn: ["Domain", "NetworkBorderGroup", "PublicIpv4Pool", "TransferAddress", "IpamPoolId"],
  taggable: true,
  create(props, pc) {
    const a = pc.call("ec2", "AllocateAddress", { Domain: "vpc", ...tagSpecifications("elastic-ip", props.Tags, pc) });
    associate(pc, a.AllocationId, undefined, props.InstanceId);
    return { physicalId: a.PublicIp, attributes: { AllocationId: a.AllocationId, PublicIp: a.PublicIp } };
  },
  update(props, old, pc) {
    const id = String(old.attributes.AllocationId);
    associate(pc, id, old.properties?.InstanceId, props.InstanceId);
    retagEc2(pc, id, old.properties?.Tags as never, props.Tags);
    return { physicalId: old.physicalId!, attributes: old.attributes };
  },
  delete(record, pc) {
    const id = String(record.attributes.AllocationId);
    associate(pc, id, record.properties?.InstanceId ?? "", undefined);
    pc.call("ec2", "ReleaseAddress", { AllocationId: id });
  },
};
