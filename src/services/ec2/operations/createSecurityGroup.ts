import { AwsError } from "../../../protocol/errors.js";
import type { Handler } from "../context.js";
import { ec2Errors } from "../domain/errors.js";
import { ec2Id } from "../domain/ids.js";
import { defaultVpc, findVpc, groupByName } from "../domain/network.js";
import { addInitialRules } from "../domain/sgRules.js";
import { checkTagSpecifications, putTags, tagsFor, tagsOf } from "../domain/tags.js";

export const createSecurityGroup: Handler<"CreateSecurityGroup"> = (input, ctx) => {
  const { state } = ctx;
  const vpc = input.VpcId !== undefined ? findVpc(state, input.VpcId) : defaultVpc(state);
  if (!vpc) throw new AwsError("VPCIdNotSpecified", "No default VPC for this user");
  if (input.GroupName.toLowerCase().startsWith("sg-")) throw ec2Errors.invalidParameter("Group names may not be in the format sg-*");
  const vpcId = vpc.vpc.VpcId!;
  if (groupByName(state, vpcId, input.GroupName)) throw new AwsError("InvalidGroup.Duplicate", `The security group '${input.GroupName}' already exists for VPC '${vpcId}'`);
  checkTagSpecifications(input.TagSpecifications, ["security-group"]);
  const id = ec2Id(state.ids, "sg");
  const arn = `arn:aws:ec2:${state.region}:${state.accountId}:security-group/${id}`;
  putTags(state, id, tagsFor(input.TagSpecifications, "security-group"));
  const group = { GroupId: id, GroupName: input.GroupName, Description: input.Description, VpcId: vpcId, OwnerId: state.accountId, SecurityGroupArn: arn };
  state.securityGroups.set(id, group);
  addInitialRules(state, group, false);
  const tags = tagsOf(state, id);
  return { GroupId: id, ...(tags ? { Tags: tags } : {}), SecurityGroupArn: arn };
};
