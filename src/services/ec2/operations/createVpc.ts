import type { Handler } from "../context.js";
import { parseCidr, formatCidr } from "../domain/cidr.js";
import { ec2Errors } from "../domain/errors.js";
import { ec2Id } from "../domain/ids.js";
import { newVpcRecord } from "../domain/network.js";
import { addVpcCompanions } from "../domain/vpcDefaults.js";
import { checkTagSpecifications, putTags, tagsFor, tagsOf } from "../domain/tags.js";
import { AwsError } from "../../../protocol/errors.js";

export const createVpc: Handler<"CreateVpc"> = (input, ctx) => {
  const { state } = ctx;
  if (input.CidrBlock === undefined) throw new AwsError("MissingParameter", "Either 'cidrBlock' or 'ipv4IpamPoolId' should be provided.");
  const cidr = parseCidr(input.CidrBlock);
  if (!cidr) throw ec2Errors.invalidParameter(`Value (${input.CidrBlock}) for parameter cidrBlock is invalid. This is not a valid CIDR block.`);
  if (cidr.bits < 16 || cidr.bits > 28) throw new AwsError("InvalidVpc.Range", `The CIDR '${input.CidrBlock}' is invalid.`);
  checkTagSpecifications(input.TagSpecifications, ["vpc"]);
  const id = ec2Id(state.ids, "vpc");
  const rec = newVpcRecord(state, id, formatCidr(cidr), false);
  if (input.InstanceTenancy) rec.vpc.InstanceTenancy = input.InstanceTenancy;
  putTags(state, id, tagsFor(input.TagSpecifications, "vpc"));
  state.vpcs.set(id, rec);
  // Every VPC comes with a main route table, a default network ACL and a security group named "default".
  addVpcCompanions(state, id, rec.vpc.CidrBlock!);
  const tags = tagsOf(state, id);
  // CreateVpc answers the VPC still pending; it is available by the next call.
  return { Vpc: { ...structuredClone(rec.vpc), State: "pending", ...(tags ? { Tags: tags } : {}) } };
};
