import type { Handler } from "../context.js";
import { getTargetGroup } from "../domain/lookup.js";
import { ec2Network } from "../domain/network.js";
import { checkRunning, checkTargets, placeTargets } from "../domain/targetIds.js";
import { register } from "../domain/targets.js";

/** Checks every target before registering any; the group's port when a target names none. */
export const registerTargets: Handler<"RegisterTargets"> = (input, ctx) => {
  const { state } = ctx;
  const rec = getTargetGroup(state, input.TargetGroupArn);
  checkTargets(rec.tg.TargetType, input.Targets, rec.tg.Port);
  const net = ec2Network(ctx.backend.peers, state.accountId, state.region);
  checkRunning(net, rec.tg.TargetType, input.Targets);
  register(ctx.backend, state, rec, placeTargets(net, rec.tg.TargetType, rec.tg.VpcId, input.Targets));
  return {};
};
