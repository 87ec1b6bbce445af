import { AwsError } from "../../../protocol/errors.js";
import type { Handler } from "../context.js";
import type { SecurityGroup } from "../generated/types.js";
import { ec2Errors } from "../domain/errors.js";
import { isLive } from "../domain/instances.js";
import { defaultVpc, findGroup, groupByName } from "../domain/network.js";
import { removeGroupRules } from "../domain/sgRules.js";

export const deleteSecurityGroup: Handler<"DeleteSecurityGroup"> = (input, ctx) => {
  const { state } = ctx;
  let g: SecurityGroup;
  if (input.GroupId !== undefined) g = findGroup(state, input.GroupId);
  else if (input.GroupName !== undefined) {
    const vpc = defaultVpc(state);
    const found = vpc && groupByName(state, vpc.vpc.VpcId!, input.GroupName);
    if (!found) throw ec2Errors.groupNameNotFoundInDefaultVpc(input.GroupName, vpc?.vpc.VpcId ?? "");
    g = found;
  } else throw new AwsError("MissingParameter", "The request must contain the parameter groupName or groupId");
  const id = g.GroupId!;
  if (g.GroupName === "default") throw new AwsError("CannotDelete", `the specified group: "${id}" name: "default" cannot be deleted by a user`);
  const inUse =
    [...state.instances.values()].some((i) => isLive(i) && (i.instance.SecurityGroups ?? []).some((x) => x.GroupId === id)) ||
    [...state.networkInterfaces.values()].some((n) => (n.Groups ?? []).some((x) => x.GroupId === id));
  // Another group's rule that refers to this one keeps it too.
  const referenced = [...state.securityGroupRules.values()].some((r) => r.GroupId !== id && r.ReferencedGroupInfo?.GroupId === id);
  if (inUse || referenced) throw ec2Errors.dependency(`resource ${id} has a dependent object`);
  removeGroupRules(state, id);
  state.securityGroups.delete(id);
  state.tags.delete(id);
  return { Return: true, GroupId: id };
};
