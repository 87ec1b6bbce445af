import { AwsError } from "../../../protocol/errors.js";
import type { Handler } from "../context.js";
import type { ModifySubnetAttributeRequest, Subnet } from "../generated/types.js";
import { ec2Errors } from "../domain/errors.js";
import { findSubnet } from "../domain/network.js";

type Setter = (subnet: Subnet, input: ModifySubnetAttributeRequest) => void;

const dnsOptions = (s: Subnet) => (s.PrivateDnsNameOptionsOnLaunch ??= {});
const value = (v: { Value?: boolean } | undefined) => v?.Value === true;

/** One attribute a call, as EC2 takes them; the Outposts ones refused, as no subnet here is on an Outpost. */
const SETTERS: Partial<Record<keyof ModifySubnetAttributeRequest, Setter>> = {
  MapPublicIpOnLaunch: (s, i) => void (s.MapPublicIpOnLaunch = value(i.MapPublicIpOnLaunch)),
  AssignIpv6AddressOnCreation: (s, i) => {
    const on = value(i.AssignIpv6AddressOnCreation);
    if (on && !s.Ipv6CidrBlockAssociationSet?.length) {
      throw ec2Errors.invalidParameter(`Invalid value 'true' for assignIpv6AddressOnCreation. Cannot set assignIpv6AddressOnCreation to true unless the subnet (${s.SubnetId}) has an IPv6 CIDR block associated with it.`);
    }
    s.AssignIpv6AddressOnCreation = on;
  },
  EnableDns64: (s, i) => void (s.EnableDns64 = value(i.EnableDns64)),
  PrivateDnsHostnameTypeOnLaunch: (s, i) => void (dnsOptions(s).HostnameType = i.PrivateDnsHostnameTypeOnLaunch),
  EnableResourceNameDnsARecordOnLaunch: (s, i) => void (dnsOptions(s).EnableResourceNameDnsARecord = value(i.EnableResourceNameDnsARecordOnLaunch)),
  EnableResourceNameDnsAAAARecordOnLaunch: (s, i) => void (dnsOptions(s).EnableResourceNameDnsAAAARecord = value(i.EnableResourceNameDnsAAAARecordOnLaunch)),
  MapCustomerOwnedIpOnLaunch: (s, i) => {
    if (value(i.MapCustomerOwnedIpOnLaunch)) throw ec2Errors.invalidParameter(`The subnet ${s.SubnetId} is not on an Outpost.`);
    s.MapCustomerOwnedIpOnLaunch = false;
  },
  EnableLniAtDeviceIndex: (s) => {
    throw ec2Errors.invalidParameter(`The subnet ${s.SubnetId} is not on an Outpost.`);
  },
  DisableLniAtDeviceIndex: (s) => {
    throw ec2Errors.invalidParameter(`The subnet ${s.SubnetId} is not on an Outpost.`);
  },
};

export const modifySubnetAttribute: Handler<"ModifySubnetAttribute"> = (input, ctx) => {
  const subnet = findSubnet(ctx.state, input.SubnetId).subnet;
  const given = (Object.keys(SETTERS) as (keyof ModifySubnetAttributeRequest)[]).filter((k) => input[k] !== undefined);
  if (given.length > 1) throw ec2Errors.combination(`Fields for multiple attribute types specified: ${given.join(", ")}`);
  if (given.length === 0) throw new AwsError("MissingParameter", "The request must contain one subnet attribute to modify");
  SETTERS[given[0]]!(subnet, input);
  return {};
};
