// DeleteExpressGatewayService: the service DRAINING (its tasks stop and leave their target groups),
// then everything ECS made for it goes (scaling first, then the rule, target groups, security group,
// and the shared load balancer with its last service). The log group stays, as AWS leaves it.
import type { EcsContext } from "../context.js";
import { deleteService } from "../operations/deleteService.js";
import { leaveGateway } from "./gateway.js";
import { tryCall } from "./peers.js";
import { serviceOf } from "./views.js";
import type { ExpressRecord, Made } from "./types.js";

function mark(ctx: EcsContext, status: Made["status"], ...items: (Made | undefined)[]): void {
  for (const m of items) if (m) Object.assign(m, { status, updatedAt: ctx.now() });
}

export function beginDelete(ctx: EcsContext, x: ExpressRecord): void {
  const sr = serviceOf(ctx.state, x)!;
  x.deleting = true;
  ctx.backend.timeline.cancel(x.rollout?.timer);
  x.rollout = undefined;
  sr.holdLeaving = false;
  mark(ctx, "DEPROVISIONING", ...x.targetGroups, x.rule, x.certificate, x.serviceSecurityGroup);
  // Scaling goes first, so that nothing scales the draining service up again.
  tryCall(ctx, "application-autoscaling", "DeregisterScalableTarget", { ServiceNamespace: "ecs", ResourceId: `service/${x.clusterName}/${x.serviceName}`, ScalableDimension: "ecs:service:DesiredCount" });
  mark(ctx, "DELETED", x.scalableTarget, x.policy);
  deleteService({ cluster: x.clusterName, service: x.serviceName, force: true }, ctx);
  x.updatedAt = ctx.now();
}

/** Once the service's last task has left its target groups, what hangs on the load balancer goes. */
export function finishDelete(ctx: EcsContext, x: ExpressRecord): void {
  const sr = serviceOf(ctx.state, x);
  if (!x.deleting || x.rule.status === "DELETED" || (sr && sr.tasks.size > 0)) return;
  tryCall(ctx, "elbv2", "DeleteRule", { RuleArn: x.rule.arn });
  for (const tg of x.targetGroups) tryCall(ctx, "elbv2", "DeleteTargetGroup", { TargetGroupArn: tg.arn });
  if (x.serviceSecurityGroup) tryCall(ctx, "ec2", "DeleteSecurityGroup", { GroupId: x.serviceSecurityGroup.arn });
  mark(ctx, "DELETED", ...x.targetGroups, x.rule, x.certificate, x.serviceSecurityGroup);
  const g = ctx.state.expressGateways.get(x.gateway);
  if (g) {
    leaveGateway(ctx, g, x.serviceArn, x.rule.priority);
    x.gatewaySnapshot = structuredClone(g);
  }
}
