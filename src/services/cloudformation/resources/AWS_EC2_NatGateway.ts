// AWS::EC2::NatGateway: Ref is the gateway's id; CloudFormation waits until it is available, and
// on delete until it is deleted. Tags update in place, the rest replaces.
import type { Progress, ProviderContext, ResourceProvider } from "./provider.js";
import { retagEc2, tagSpecifications } from "./ec2Tags.js";
import type { ResourceRecord } from "../context.js";

const state = (r: ResourceRecord, pc: ProviderContext): string | undefined =>
  pc.call("ec2", "DescribeNatGateways", { NatGatewayIds: [r.physicalId!] }).NatGateways?.[0]?.State;

export const provider: ResourceProvider = {
  type: "AWS::EC2::NatGateway",
  operations: { ec2: ["CreateNatGateway", "DeleteNatGateway", "DescribeNatGateways", "CreateTags", "DeleteTags"] },
  attributes: ["NatGatewayId"],
  replaceOn: ["SubnetId", "AllocationId", "ConnectivityType", "PrivateIpAddress", "SecondaryAllocationIds", "SecondaryPrivateIpAddresses", "SecondaryPrivateIpAddressCount", "MaxDrainDurationSeconds"],
  taggable: true,
  create(props, pc) {
    const input: Record<string, unknown> = { SubnetId: props.SubnetId, ...tagSpecifications("natgateway", props.Tags, pc) };
    for (const k of ["AllocationId", "ConnectivityType", "PrivateIpAddress"]) if (props[k] !== undefined) input[k] = props[k];
    const id = pc.call("ec2", "CreateNatGateway", input).NatGateway.NatGatewayId as string;
    return { physicalId: id, attributes: { NatGatewayId: id } };
  },
  update(props, old, pc) {
    retagEc2(pc, old.physicalId!, old.properties?.Tags as never, props.Tags);
    return { physicalId: old.physicalId!, attributes: old.attributes };
  },
  settle(record, pc): Progress {
    const s = state(record, pc);
    if (s === "failed") return { failed: pc.handlerMessage("NAT gateway went to failed.", "NotStabilized") };
    return s === "available" ? "done" : "wait";
  },
  delete(record, pc) {
    pc.call("ec2", "DeleteNatGateway", { NatGatewayId: record.physicalId! });
  },
  settleDelete(record, pc): Progress {
    const s = state(record, pc);
    return s === undefined || s === "deleted" ? "done" : "wait";
  },
};
