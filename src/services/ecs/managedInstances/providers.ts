// Managed Instances capacity providers: created in one cluster (launching nothing yet), updated for
// the instances launched later, deleted by taking their instances out.
import type { EcsBackend } from "../../../services/ecs/context.js";
import type { EcsState } from "../../../services/ecs/store.js";
import { defineTimer } from "../../../engine/timers.js";
import type { EcsContext } from "../context.js";
import { ClientException, InvalidParameterException } from "../generated/errors.js";
import type { CapacityProvider, CreateCapacityProviderRequest, CreateCapacityProviderResponse, UpdateCapacityProviderRequest } from "../generated/types.js";
import { activeCluster } from "../domain/clusters.js";
import { capacityProviderArn, describeCapacityProvider } from "../domain/capacityProviders.js";
import { checkTags, putTags } from "../domain/tags.js";
import { ownContext } from "../capacity/autoScaling.js";
import { createConfig, updatedConfig } from "./config.js";
import { instancesOf } from "./launch.js";
import { miMessages } from "./messages.js";
import { terminate } from "./retire.js";

const EXISTS = "The specified capacity provider already exists. To change the configuration of an existing capacity provider, update the capacity provider.";
export const NOT_FOUND = "The specified capacity provider does not exist. Specify a valid name or ARN and try again.";

export function createManagedInstancesProvider(input: CreateCapacityProviderRequest, ctx: EcsContext): CreateCapacityProviderResponse {
  const { state } = ctx;
  if (input.cluster === undefined) throw new InvalidParameterException(miMessages.clusterRequired);
  const rec = activeCluster(state, input.cluster);
  checkTags(input.tags);
  const existing = state.capacityProviders.get(input.name);
  if (existing && existing.status !== "INACTIVE") throw new ClientException(EXISTS);
  const config = createConfig(ctx, input.managedInstancesProvider!);
  const arn = capacityProviderArn(state, input.name);
  const cp: CapacityProvider = { capacityProviderArn: arn, name: input.name, cluster: rec.cluster.clusterName, status: "ACTIVE", managedInstancesProvider: config, type: "MANAGED_INSTANCES" };
  state.capacityProviders.set(input.name, cp);
  state.managed.delete(input.name);
  state.tags.delete(arn);
  putTags(state, arn, input.tags);
  return { capacityProvider: describeCapacityProvider(state, cp, true) };
}

/** A request's `cluster` names the provider's own cluster, or none. */
export function checkProviderCluster(ctx: EcsContext, cp: CapacityProvider, cluster: string | undefined): void {
  if (cluster === undefined) return;
  const rec = activeCluster(ctx.state, cluster);
  if (cp.cluster !== rec.cluster.clusterName) throw new ClientException(NOT_FOUND);
}

/** The change shows once applied (UPDATE_COMPLETE at the next turn); instances launched from then on follow it. */
export function updateManagedInstancesProvider(ctx: EcsContext, cp: CapacityProvider, input: UpdateCapacityProviderRequest): CapacityProvider {
  if (input.autoScalingGroupProvider) throw new InvalidParameterException("The capacity provider does not use an Auto Scaling group.");
  if (!input.managedInstancesProvider) throw new InvalidParameterException("A Managed Instances provider must be specified to update the capacity provider.");
  const next = updatedConfig(ctx, cp.managedInstancesProvider!, input.managedInstancesProvider);
  cp.updateStatus = "UPDATE_IN_PROGRESS";
  delete cp.updateStatusReason;
  const answer = describeCapacityProvider(ctx.state, cp, false);
  ctx.backend.timeline.callAfter(0, UPDATED, cp, next);
  return answer;
}

/** DEPROVISIONING while ECS terminates its instances, then INACTIVE. */
export function deleteManagedInstancesProvider(ctx: EcsContext, cp: CapacityProvider): void {
  const { backend, state } = ctx;
  cp.status = "DEPROVISIONING";
  cp.updateStatus = "DELETE_IN_PROGRESS";
  delete cp.updateStatusReason;
  backend.timeline.callAfter(0, DEPROVISIONED, backend, state, cp);
}

const UPDATED = defineTimer("ecs.managedProviderUpdated", (cp: CapacityProvider, next: CapacityProvider["managedInstancesProvider"]) => {
  if (cp.updateStatus !== "UPDATE_IN_PROGRESS") return;
  cp.managedInstancesProvider = next;
  cp.updateStatus = "UPDATE_COMPLETE";
});

const DEPROVISIONED = defineTimer("ecs.managedProviderDeprovisioned", (backend: EcsBackend, state: EcsState, cp: CapacityProvider) => {
  if (cp.status !== "DEPROVISIONING") return;
  const own = ownContext(backend, state);
  for (const mi of instancesOf(own, cp.name!)) terminate(own, mi);
  cp.status = "INACTIVE";
  cp.updateStatus = "DELETE_COMPLETE";
});
