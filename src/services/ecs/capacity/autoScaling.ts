// What ECS does to a capacity provider's Auto Scaling group: it reads the group through the port
// Auto Scaling offers (src/services/autoscaling/context.ts), and acts as its service-linked role
// would, through Auto Scaling's own operations run in process (the tag, the lifecycle hook, the
// target tracking policy, completing a lifecycle action), validated and answered as on the wire.
import { AwsError } from "../../../protocol/errors.js";
import type { RequestContext } from "../../../protocol/context.js";
import type { AutoScalingPort, GroupView } from "../../autoscaling/context.js";
import type { EcsBackend, EcsContext } from "../context.js";
import type { CapacityProvider } from "../generated/types.js";
import type { EcsState } from "../store.js";

const OPERATIONS = ["CreateOrUpdateTags", "PutLifecycleHook", "DeleteLifecycleHook", "PutScalingPolicy", "DeletePolicy", "CompleteLifecycleAction"];

/** ECS's managed draining hook: every terminating instance waits on it until ECS has drained it. */
export const DRAINING_HOOK = "ecs-managed-draining-termination-hook";

/** Loads the Auto Scaling operations ECS calls; undefined when loaded (await only then, so that timers never wait). */
export function loadAutoScaling(backend: EcsBackend): Promise<void> | undefined {
  return backend.peers.client.load("autoscaling", OPERATIONS);
}

export function groupsPort(backend: EcsBackend): AutoScalingPort {
  return backend.peers.autoscaling.groups;
}

/** The group a provider names (by name or ARN), as Auto Scaling shows it to ECS. */
export function providerGroup(backend: EcsBackend, state: EcsState, cp: CapacityProvider): GroupView | undefined {
  const ref = cp.autoScalingGroupProvider?.autoScalingGroupArn;
  return ref === undefined ? undefined : groupsPort(backend).group(state.accountId, state.region, ref);
}

function ownRequest(backend: EcsBackend, state: EcsState): RequestContext {
  return { accountId: state.accountId, region: state.region, requestId: backend.ids.uuid() };
}

/** Runs an Auto Scaling operation as ECS; throws its AwsError. */
export function callAutoScaling<T = any>(backend: EcsBackend, state: EcsState, operation: string, input: Record<string, unknown>): T {
  return backend.peers.client.call<T>("autoscaling", operation, input, ownRequest(backend, state));
}

/** The same, for cleanup that may find the thing gone already (a deleted group): an AwsError is ignored. */
export function tryAutoScaling(backend: EcsBackend, state: EcsState, operation: string, input: Record<string, unknown>): boolean {
  try {
    callAutoScaling(backend, state, operation, input);
    return true;
  } catch (e) {
    if (e instanceof AwsError) return false;
    throw e;
  }
}

/** The context ECS acts in on its own (a timer, a listener), in an account and region. */
export function ownContext(backend: EcsBackend, state: EcsState): EcsContext {
  return { state, backend, request: { accountId: state.accountId, region: state.region, requestId: "" }, now: () => backend.timeline.now() / 1000 };
}
