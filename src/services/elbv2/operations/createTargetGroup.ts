import { commonErrors } from "../../../protocol/errors.js";
import type { Handler, TargetGroupRecord } from "../context.js";
import { DuplicateTargetGroupNameException } from "../generated/errors.js";
import { targetGroupDefaults } from "../domain/attributes.js";
import { targetGroupArn } from "../domain/ids.js";
import { addTags, checkNewTags } from "../domain/tags.js";
import { newTargetGroup, showTargetGroup } from "../domain/targetGroups.js";
import { ec2Network } from "../domain/network.js";

const NAME = /^[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,30}[a-zA-Z0-9])?$/;
const VPC_ID = /^vpc-[0-9a-f]{8}([0-9a-f]{9})?$/;

/** `instance` and `ip` groups; a repeated create with the same settings answers the same group. */
export const createTargetGroup: Handler<"CreateTargetGroup"> = (input, ctx) => {
  const { state } = ctx;
  if (input.Name.length > 32) throw commonErrors.validation(`Target group name '${input.Name}' cannot be longer than '32' characters`);
  if (!NAME.test(input.Name)) throw commonErrors.validation(`Target group name '${input.Name}' can only contain characters that are alphanumeric characters or hyphens(-)`);
  const type = input.TargetType ?? "instance";
  if (type !== "instance" && type !== "ip") throw commonErrors.unsupported(`ecs-local does not support target groups of target type '${type}' yet.`);
  if (input.Protocol === undefined) throw commonErrors.validation("A protocol must be specified");
  if (input.Port === undefined) throw commonErrors.validation("A port must be specified");
  if (input.VpcId === undefined) throw commonErrors.validation("A VPC ID must be specified");
  if (!VPC_ID.test(input.VpcId) || !ec2Network(ctx.backend.peers, state.accountId, state.region).vpcExists(input.VpcId)) throw commonErrors.validation(`The VPC ID '${input.VpcId}' is not found`);
  if (type === "instance" && input.HealthCheckEnabled === false) throw commonErrors.validation("Health check enabled must be true for target groups with target type 'instance'");
  checkNewTags(input.Tags);
  const tg = newTargetGroup(input, targetGroupArn(state, input.Name));
  const existing = [...state.targetGroups.values()].find((r) => r.tg.TargetGroupName === input.Name);
  if (existing) {
    const a = { ...existing.tg, TargetGroupArn: "", LoadBalancerArns: [] };
    const b = { ...tg, TargetGroupArn: "", LoadBalancerArns: [] };
    if (JSON.stringify(a) !== JSON.stringify(b)) throw new DuplicateTargetGroupNameException(`A target group with the same name '${input.Name}' exists, but with different settings`);
    return { TargetGroups: [showTargetGroup(state, existing)] };
  }
  const rec: TargetGroupRecord = { tg, attributes: targetGroupDefaults(tg.Protocol, type), targets: new Map() };
  state.targetGroups.set(tg.TargetGroupArn!, rec);
  addTags(state, tg.TargetGroupArn!, input.Tags);
  return { TargetGroups: [showTargetGroup(state, rec)] };
};
