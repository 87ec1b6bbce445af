// What Auto Scaling asks of EC2 and ELBv2, through their operations run in process (validated and
// answered exactly as on the wire), and EC2's port for the tags only AWS's services may set.
import type { RequestContext } from "../../../protocol/context.js";
import type { AutoScalingBackend, AutoScalingState } from "../context.js";

/** The EC2 and ELBv2 operations Auto Scaling calls: loading any Auto Scaling operation loads these. */
export const PEER_OPERATIONS = {
  ec2: ["RunInstances", "TerminateInstances", "DescribeSubnets", "DescribeAvailabilityZones", "DescribeInstances", "DescribeLaunchTemplateVersions"],
  elbv2: ["RegisterTargets", "DeregisterTargets", "DescribeTargetGroups"],
} as const;

export function loadPeers(backend: AutoScalingBackend): Promise<void> | undefined {
  const client = backend.peers.client;
  const pending = (Object.keys(PEER_OPERATIONS) as (keyof typeof PEER_OPERATIONS)[])
    .map((service) => client.load(service, PEER_OPERATIONS[service]))
    .filter((p): p is Promise<void> => p !== undefined);
  return pending.length ? Promise.all(pending).then(() => undefined) : undefined;
}

/** Auto Scaling acting on its own (a timer, a reconcile), in the group's account and region. */
export function serviceRequest(backend: AutoScalingBackend, state: AutoScalingState): RequestContext {
  return { accountId: state.accountId, region: state.region, requestId: backend.ids.uuid() };
}

export function callEc2<T = any>(backend: AutoScalingBackend, state: AutoScalingState, operation: string, input: Record<string, unknown>): T {
  return backend.peers.client.call<T>("ec2", operation, input, serviceRequest(backend, state));
}

export function callElbv2<T = any>(backend: AutoScalingBackend, state: AutoScalingState, operation: string, input: Record<string, unknown>): T {
  return backend.peers.client.call<T>("elbv2", operation, input, serviceRequest(backend, state));
}
