// An Express service's update, as a canary on the clock: the new revision's tasks start beside the
// old ones, in the other target group; once they all run, the rule sends them 5 % of the traffic for
// 10 minutes (the model's canary defaults), then all of it, and the old tasks go.
import type { EcsBackend } from "../../../services/ecs/context.js";
import type { EcsState } from "../../../services/ecs/store.js";
import { defineTimer } from "../../../engine/timers.js";
import type { EcsContext } from "../context.js";
import type { ExpressGatewayServiceConfiguration } from "../generated/types.js";
import { updateService } from "../operations/updateService.js";
import { serviceChanged } from "../scheduler/reconciler.js";
import { ownContext } from "../capacity/autoScaling.js";
import { CANARY } from "./provision.js";
import { call } from "./peers.js";
import { serviceOf } from "./views.js";
import type { ExpressRecord } from "./types.js";

/** Points the rule's traffic: `share` percent to `to`, the rest to the other target group. */
function weigh(ctx: EcsContext, x: ExpressRecord, to: string, share: number): void {
  const groups = x.targetGroups.map((t) => ({ TargetGroupArn: t.arn, Weight: t.arn === to ? share : 100 - share }));
  call(ctx, "elbv2", "ModifyRule", { RuleArn: x.rule.arn, Actions: [{ Type: "forward", ForwardConfig: { TargetGroups: groups } }] });
  x.rule.updatedAt = ctx.now();
}

export function startRollout(ctx: EcsContext, x: ExpressRecord, configuration: ExpressGatewayServiceConfiguration, td: string): void {
  const sr = serviceOf(ctx.state, x)!;
  const serving = x.configs[0];
  const other = x.targetGroups.find((t) => t.arn !== serving.targetGroupArn)!;
  ctx.backend.timeline.cancel(x.rollout?.timer);
  const net = configuration.networkConfiguration!;
  updateService(
    {
      cluster: x.clusterName,
      service: x.serviceName,
      taskDefinition: td,
      loadBalancers: [{ targetGroupArn: other.arn, containerName: x.containerName, containerPort: configuration.primaryContainer!.containerPort }],
      networkConfiguration: { awsvpcConfiguration: { subnets: net.subnets ?? [], securityGroups: net.securityGroups, assignPublicIp: x.accessType === "PUBLIC" ? "ENABLED" : "DISABLED" } },
    },
    ctx,
  );
  sr.holdLeaving = true;
  x.configs = [serving, { configuration, taskDefinitionArn: td, targetGroupArn: other.arn, deploymentId: sr.service.deployments![0].id! }];
  x.rollout = { phase: "starting" };
}

/** Moves a rollout on when its tasks run, or ends it when ECS rolled the deployment back. */
export function stepRollout(ctx: EcsContext, x: ExpressRecord): void {
  const sr = serviceOf(ctx.state, x);
  const next = x.configs[1];
  if (!x.rollout || !sr || !next) return;
  const primary = sr.service.deployments?.[0];
  if (primary?.id !== next.deploymentId) return abandon(ctx, x);
  if (x.rollout.phase !== "starting" || (primary.runningCount ?? 0) < (primary.desiredCount ?? 0)) return;
  weigh(ctx, x, next.targetGroupArn, CANARY.canaryPercent);
  x.rollout.phase = "canary";
  const { backend, state } = ctx;
  x.rollout.timer = backend.timeline.callAfter(CANARY.canaryBakeTimeInMinutes * 60_000, SHIFT, backend, state, x);
}

function shift(ctx: EcsContext, x: ExpressRecord): void {
  const sr = serviceOf(ctx.state, x);
  const next = x.configs[1];
  if (!sr || !next || x.rollout?.phase !== "canary") return;
  weigh(ctx, x, next.targetGroupArn, 100);
  x.configs = [next];
  x.rollout = undefined;
  x.updatedAt = ctx.now();
  sr.holdLeaving = false;
  serviceChanged(ctx, ctx.state.clusters.get(x.clusterName)!, sr);
}

/** ECS rolled the new revision back: the traffic stays where it was, the old tasks are free to go. */
function abandon(ctx: EcsContext, x: ExpressRecord): void {
  const sr = serviceOf(ctx.state, x);
  ctx.backend.timeline.cancel(x.rollout?.timer);
  x.rollout = undefined;
  weigh(ctx, x, x.configs[0].targetGroupArn, 100);
  x.configs = [x.configs[0]];
  if (sr) sr.holdLeaving = false;
}

const SHIFT = defineTimer("ecs.expressShift", (backend: EcsBackend, state: EcsState, x: ExpressRecord) => shift(ownContext(backend, state), x));
