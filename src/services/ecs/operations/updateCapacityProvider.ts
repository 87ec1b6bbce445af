import type { EcsContext, Handler } from "../context.js";
import type { EcsBackend } from "../../../services/ecs/context.js";
import type { EcsState } from "../../../services/ecs/store.js";
import type { RequestContext } from "../../../protocol/context.js";
import { contextOf } from "../domain/timerContext.js";
import { defineTimer } from "../../../engine/timers.js";
import { ClientException, InvalidParameterException } from "../generated/errors.js";
import type { AutoScalingGroupProviderUpdate, CapacityProvider, UpdateCapacityProviderRequest, UpdateCapacityProviderResponse } from "../generated/types.js";
import { clustersUsing, describeCapacityProvider, isFargateProvider, managedScaling, usableCapacityProvider } from "../domain/capacityProviders.js";
import { loadAutoScaling, providerGroup } from "../capacity/autoScaling.js";
import { clustersWith, planAttachments } from "../capacity/attachments.js";
import { managedOf } from "../capacity/groupResources.js";
import { capacityMessages } from "../capacity/messages.js";
import { checkTerminationProtection } from "../capacity/providerGroup.js";
import { loadEc2 } from "../managedInstances/ec2.js";
import { miMessages } from "../managedInstances/messages.js";
import { checkProviderCluster, updateManagedInstancesProvider } from "../managedInstances/providers.js";

/** Later fields win over earlier ones; managed scaling field by field. */
function merge(base: AutoScalingGroupProviderUpdate | undefined, given: AutoScalingGroupProviderUpdate): AutoScalingGroupProviderUpdate {
  return {
    ...base,
    ...Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined)),
    ...(given.managedScaling || base?.managedScaling ? { managedScaling: { ...base?.managedScaling, ...given.managedScaling } } : {}),
  };
}

/** The change applied: the provider's settings, then the group's resources in every cluster it serves. */
function apply(ctx: EcsContext, cp: CapacityProvider): void {
  const m = ctx.state.managed.get(cp.name!);
  const change = m?.pendingUpdate;
  if (!m || !change || cp.updateStatus !== "UPDATE_IN_PROGRESS") return;
  m.pendingUpdate = undefined;
  const asg = cp.autoScalingGroupProvider!;
  if (change.managedScaling) asg.managedScaling = managedScaling(change.managedScaling, asg.managedScaling);
  if (change.managedTerminationProtection) asg.managedTerminationProtection = change.managedTerminationProtection;
  if (change.managedDraining) asg.managedDraining = change.managedDraining;
  cp.updateStatus = "UPDATE_COMPLETE";
  for (const rec of clustersWith(ctx, cp.name!)) planAttachments(ctx, rec);
}

function update(input: UpdateCapacityProviderRequest, ctx: EcsContext): UpdateCapacityProviderResponse {
  const { state } = ctx;
  if (isFargateProvider(input.name)) throw new ClientException("The FARGATE and FARGATE_SPOT capacity providers are reserved and cannot be updated.");
  const cp = usableCapacityProvider(state, input.name);
  if (!cp) throw new ClientException("The specified capacity provider does not exist. Specify a valid name or ARN and try again.");
  checkProviderCluster(ctx, cp, input.cluster);
  if (cp.type === "MANAGED_INSTANCES") return { capacityProvider: updateManagedInstancesProvider(ctx, cp, input) };
  if (input.managedInstancesProvider) throw new InvalidParameterException(miMessages.notManagedInstances);
  const given = input.autoScalingGroupProvider;
  if (!given) throw new InvalidParameterException("An Auto Scaling group provider must be specified to update the capacity provider.");
  const m = managedOf(state, cp.name!);
  const next = merge(m.pendingUpdate, given);
  if (next.managedTerminationProtection === "ENABLED") checkTerminationProtection(providerGroup(ctx.backend, state, cp));
  const clusters = clustersUsing(state, cp.name!);
  if (next.managedScaling?.status === "ENABLED" && clusters.length > 1) throw new ClientException(capacityMessages.managedScalingElsewhere(cp.name!, clusters[1]));

  // ECS answers the provider as it stands, UPDATE_IN_PROGRESS; the change shows once it is complete.
  m.pendingUpdate = next;
  cp.updateStatus = "UPDATE_IN_PROGRESS";
  delete cp.updateStatusReason;
  ctx.backend.timeline.callAfter(0, APPLY, ctx.backend, ctx.state, ctx.request, cp);
  return { capacityProvider: describeCapacityProvider(state, cp, false) };
}

export const updateCapacityProvider: Handler<"UpdateCapacityProvider"> = (input, ctx) => {
  const loading = [loadAutoScaling(ctx.backend), loadEc2(ctx.backend)].filter((p) => p !== undefined);
  return loading.length ? Promise.all(loading).then(() => update(input, ctx)) : update(input, ctx);
};

const APPLY = defineTimer("ecs.capacityProviderUpdated", (backend: EcsBackend, state: EcsState, request: RequestContext, cp: CapacityProvider) => apply(contextOf(backend, state, request), cp));
