import { AwsError } from "../../../protocol/errors.js";
import type { Handler } from "../context.js";
import { contains, overlaps, parseCidr } from "../domain/cidr.js";
import { ec2Errors } from "../domain/errors.js";
import { ec2Id } from "../domain/ids.js";
import { findVpc, newSubnetRecord } from "../domain/network.js";
import { checkTagSpecifications, putTags, tagsFor, tagsOf } from "../domain/tags.js";
import { zoneId, zoneNames } from "../domain/zones.js";

export const createSubnet: Handler<"CreateSubnet"> = (input, ctx) => {
  const { state } = ctx;
  const vpc = findVpc(state, input.VpcId);
  if (input.CidrBlock === undefined) throw new AwsError("MissingParameter", "Either 'cidrBlock' or 'ipv4IpamPoolId' should be provided.");
  const cidr = parseCidr(input.CidrBlock);
  if (!cidr) throw ec2Errors.invalidParameter(`Value (${input.CidrBlock}) for parameter cidrBlock is invalid. This is not a valid CIDR block.`);
  const zones = zoneNames(state.region);
  let zone = input.AvailabilityZone;
  if (zone === undefined && input.AvailabilityZoneId !== undefined) zone = zones.find((z) => zoneId(z) === input.AvailabilityZoneId) ?? input.AvailabilityZoneId;
  if (zone !== undefined && !zones.includes(zone)) {
    throw ec2Errors.invalidParameter(`Value (${zone}) for parameter availabilityZone is invalid. Subnets can currently only be created in the following availability zones: ${zones.join(", ")}.`);
  }
  if (cidr.bits < 16 || cidr.bits > 28 || !contains(parseCidr(vpc.vpc.CidrBlock!)!, cidr)) throw new AwsError("InvalidSubnet.Range", `The CIDR '${input.CidrBlock}' is invalid.`);
  for (const s of state.subnets.values()) {
    if (s.subnet.VpcId === vpc.vpc.VpcId && overlaps(parseCidr(s.subnet.CidrBlock!)!, cidr)) {
      throw new AwsError("InvalidSubnet.Conflict", `The CIDR '${input.CidrBlock}' conflicts with another subnet`);
    }
  }
  checkTagSpecifications(input.TagSpecifications, ["subnet"]);
  // Without a zone, EC2 picks one: the zone with the fewest subnets of this VPC.
  zone ??= [...zones].sort((a, b) => count(a) - count(b))[0];
  function count(z: string): number {
    return [...state.subnets.values()].filter((s) => s.subnet.VpcId === vpc.vpc.VpcId && s.subnet.AvailabilityZone === z).length;
  }
  const id = ec2Id(state.ids, "subnet");
  const rec = newSubnetRecord(state, id, vpc.vpc.VpcId!, cidr, zone, false);
  putTags(state, id, tagsFor(input.TagSpecifications, "subnet"));
  state.subnets.set(id, rec);
  const tags = tagsOf(state, id);
  return { Subnet: { ...structuredClone(rec.subnet), ...(tags ? { Tags: tags } : {}) } };
};
