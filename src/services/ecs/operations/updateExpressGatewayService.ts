import type { EcsContext, Handler } from "../context.js";
import { InvalidParameterException } from "../generated/errors.js";
import type { UpdateExpressGatewayServiceRequest, UpdateExpressGatewayServiceResponse } from "../generated/types.js";
import { updatedConfiguration } from "../express/config.js";
import { checkConfiguration } from "../express/checks.js";
import { activeExpress } from "../express/lookup.js";
import { placement } from "../express/network.js";
import { loadExpressPeers } from "../express/peers.js";
import { provisionScaling, registerRevision } from "../express/provision.js";
import { startRollout } from "../express/rollout.js";
import { configurationView, statusOf } from "../express/views.js";
import { clusterArn } from "../domain/clusters.js";

/** Everything but scaling makes a new revision; scaling alone changes the scalable target and policy. */
const sameTasks = (a: object, b: object): boolean => {
  const strip = ({ scalingTarget: _s, ...rest }: Record<string, unknown>) => JSON.stringify(rest);
  return strip(a as Record<string, unknown>) === strip(b as Record<string, unknown>);
};

function update(input: UpdateExpressGatewayServiceRequest, ctx: EcsContext): UpdateExpressGatewayServiceResponse {
  const { state } = ctx;
  const x = activeExpress(state, input.serviceArn);
  const latest = x.configs[x.configs.length - 1];
  const next = updatedConfiguration(latest.configuration, input);
  checkConfiguration(ctx, next);
  if (input.networkConfiguration) {
    const where = placement(ctx, input.networkConfiguration);
    if (where.accessType !== x.accessType || !x.gateway.startsWith(`${where.vpcId}/`)) throw new InvalidParameterException("The network configuration of an Express service cannot move it to another VPC or change its access type.");
    next.networkConfiguration = { subnets: where.subnets, securityGroups: where.securityGroups ?? latest.configuration.networkConfiguration!.securityGroups };
  }
  const scaling = provisionScaling(ctx, x.clusterName, x.serviceName, next, { loadBalancer: state.expressGateways.get(x.gateway)!.loadBalancer.arn, targetGroup: latest.targetGroupArn });
  Object.assign(x.scalableTarget, scaling.scalableTarget);
  Object.assign(x.policy, scaling.policy);
  if (sameTasks(next, latest.configuration)) latest.configuration = next;
  else startRollout(ctx, x, next, registerRevision(ctx, x.serviceName, next));
  x.updatedAt = ctx.now();
  const target = x.configs[x.configs.length - 1];
  return {
    service: {
      serviceArn: x.serviceArn,
      cluster: clusterArn(state, x.clusterName),
      serviceName: x.serviceName,
      status: { statusCode: statusOf(state, x) },
      targetConfiguration: configurationView(state, x, target),
      createdAt: x.createdAt,
      updatedAt: x.updatedAt,
    },
  };
}

export const updateExpressGatewayService: Handler<"UpdateExpressGatewayService"> = (input, ctx) => {
  const loading = loadExpressPeers(ctx.backend);
  return loading ? loading.then(() => update(input, ctx)) : update(input, ctx);
};
