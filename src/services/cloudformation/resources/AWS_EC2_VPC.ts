// AWS::EC2::VPC: Ref is the VPC id; the DNS attributes and tags update in place.
import type { ResourceProvider, ProviderContext } from "./provider.js";
import { retagEc2, tagSpecifications } from "./ec2Tags.js";

function dns(id: string, props: Record<string, any>, before: Record<string, any>, pc: ProviderContext): void {
  for (const name of ["EnableDnsSupport", "EnableDnsHostnames"]) {
    const want = props[name] === undefined ? name === "EnableDnsSupport" : String(props[name]) === "true";
    const had = before[name] === undefined ? name === "EnableDnsSupport" : String(before[name]) === "true";
    if (want !== had) pc.call("ec2", "ModifyVpcAttribute", { VpcId: id, [name]: { Value: want } });
  }
}

function attributes(id: string, pc: ProviderContext): Record<string, unknown> {
  const vpc = pc.call("ec2", "DescribeVpcs", { VpcIds: [id] }).Vpcs[0];
  const groups = pc.call("ec2", "DescribeSecurityGroups", { Filters: [{ Name: "vpc-id", Values: [id] }, { Name: "group-name", Values: ["default"] }] }).SecurityGroups ?? [];
  const acls = pc.call("ec2", "DescribeNetworkAcls", { Filters: [{ Name: "vpc-id", Values: [id] }, { Name: "default", Values: ["true"] }] }).NetworkAcls ?? [];
  return {
    VpcId: id,
    ...(acls[0] ? { DefaultNetworkAcl: acls[0].NetworkAclId } : {}),
    CidrBlock: vpc.CidrBlock,
    CidrBlockAssociations: (vpc.CidrBlockAssociationSet ?? []).map((a: { AssociationId: string }) => a.AssociationId),
    Ipv6CidrBlocks: (vpc.Ipv6CidrBlockAssociationSet ?? []).map((a: { Ipv6CidrBlock: string }) => a.Ipv6CidrBlock),
    ...(groups[0] ? { DefaultSecurityGroup: groups[0].GroupId } : {}),
  };
}

export const provider: ResourceProvider = {
  type: "AWS::EC2::VPC",
  operations: { ec2: ["CreateVpc", "DeleteVpc", "DescribeVpcs", "DescribeSecurityGroups", "DescribeNetworkAcls", "ModifyVpcAttribute", "CreateTags", "DeleteTags"] },
  attributes: ["CidrBlock", "CidrBlockAssociations", "DefaultNetworkAcl", "DefaultSecurityGroup", "Ipv6CidrBlocks", "VpcId"],
  replaceOn: ["CidrBlock", "InstanceTenancy", "Ipv4IpamPoolId", "Ipv4NetmaskLength"],
  taggable: true,
  create(props, pc) {
    const input: Record<string, unknown> = { ...tagSpecifications("vpc", props.Tags, pc) };
    if (props.CidrBlock !== undefined) input.CidrBlock = String(props.CidrBlock);
    if (props.InstanceTenancy !== undefined) input.InstanceTenancy = props.InstanceTenancy;
    const id = pc.call("ec2", "CreateVpc", input).Vpc.VpcId as string;
    dns(id, props, {}, pc);
    return { physicalId: id, attributes: attributes(id, pc) };
  },
  update(props, old, pc) {
    const id = old.physicalId!;
    dns(id, props, old.properties ?? {}, pc);
    retagEc2(pc, id, old.properties?.Tags as never, props.Tags);
    return { physicalId: id, attributes: old.attributes };
  },
  delete(record, pc) {
    pc.call("ec2", "DeleteVpc", { VpcId: record.physicalId! });
  },
};
