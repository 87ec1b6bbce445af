// Launching a Managed Instances provider's EC2 instances: RunInstances as ECS's infrastructure role
// calls it (the Bottlerocket ECS variant, the provider's subnets in turn, its groups, instance profile
// and monitoring, its tags when propagated), the instance's user data naming the cluster so that its
// agent joins it, and the clock of its life: drained on day 14, terminated by day 21 (the guide's
// patching lifecycle).
import type { EcsBackend } from "../../../services/ecs/context.js";
import type { EcsState } from "../../../services/ecs/store.js";
import type { RequestContext } from "../../../protocol/context.js";
import { contextOf } from "../domain/timerContext.js";
import { defineTimer } from "../../../engine/timers.js";
import { AwsError } from "../../../protocol/errors.js";
import type { EcsContext } from "../context.js";
import type { CapacityProvider } from "../generated/types.js";
import type { ClusterRecord } from "../store.js";
import { tagsOf } from "../domain/tags.js";
import { callEc2 } from "./ec2.js";
import type { Architecture } from "./selection.js";
import type { ManagedInstance } from "./types.js";
import { retire, terminate } from "./retire.js";

const DAY_MS = 24 * 3600_000;
/** The guide: draining begins at day 14 from launch, termination no later than day 21. */
export const DRAIN_AFTER_MS = 14 * DAY_MS;
export const TERMINATE_AFTER_MS = 21 * DAY_MS;

function userData(cluster: string): string {
  return Buffer.from(`[settings.ecs]\ncluster = "${cluster}"\n`).toString("base64");
}

/** The provider's instances not yet terminated, in launch order. */
export function instancesOf(ctx: EcsContext, provider: string): ManagedInstance[] {
  return [...ctx.state.managedInstances.values()].filter((m) => m.provider === provider && !m.terminated);
}

function launchInput(ctx: EcsContext, rec: ClusterRecord, cp: CapacityProvider, type: string, arch: Architecture): Record<string, unknown> {
  const lt = cp.managedInstancesProvider!.instanceLaunchTemplate!;
  const subnets = lt.networkConfiguration.subnets ?? [];
  const subnet = subnets[instancesOf(ctx, cp.name!).length % subnets.length];
  const tags = cp.managedInstancesProvider!.propagateTags === "CAPACITY_PROVIDER" ? tagsOf(ctx.state, cp.capacityProviderArn!) : [];
  const size = lt.storageConfiguration?.storageSizeGiB;
  return {
    ImageId: `resolve:ssm:/aws/service/bottlerocket/aws-ecs-2/${arch}/latest/image_id`,
    InstanceType: type,
    MinCount: 1,
    MaxCount: 1,
    SubnetId: subnet,
    ...(lt.networkConfiguration.securityGroups?.length ? { SecurityGroupIds: lt.networkConfiguration.securityGroups } : {}),
    IamInstanceProfile: { Arn: lt.ec2InstanceProfileArn },
    UserData: userData(rec.cluster.clusterName!),
    Monitoring: { Enabled: lt.monitoring === "DETAILED" },
    MetadataOptions: { InstanceMetadataTags: lt.instanceMetadataTagsPropagation === false ? "disabled" : "enabled" },
    ...(size !== undefined ? { BlockDeviceMappings: [{ DeviceName: "/dev/xvdb", Ebs: { VolumeSize: size, VolumeType: "gp3", DeleteOnTermination: true } }] } : {}),
    ...(tags.length ? { TagSpecifications: [{ ResourceType: "instance", Tags: tags.map((t) => ({ Key: t.key, Value: t.value ?? "" })) }] } : {}),
  };
}

/** Launches one instance; EC2's refusal (a full subnet, a profile gone) comes back as its message. */
export function launchInstance(ctx: EcsContext, rec: ClusterRecord, cp: CapacityProvider, type: string, arch: Architecture): ManagedInstance | string {
  let out: { Instances: { InstanceId: string }[] };
  try {
    out = callEc2(ctx, "RunInstances", launchInput(ctx, rec, cp, type, arch));
  } catch (e) {
    if (e instanceof AwsError) return `${e.code}: ${e.message}`;
    throw e;
  }
  const { backend, state } = ctx;
  const mi: ManagedInstance = { instanceId: out.Instances[0].InstanceId, provider: cp.name!, cluster: rec.cluster.clusterName!, instanceType: type, launchedAt: backend.timeline.now() };
  state.managedInstances.set(mi.instanceId, mi);
  mi.drainTimer = backend.timeline.callAfter(DRAIN_AFTER_MS, LIFETIME, backend, state, ctx.request, mi);
  mi.endTimer = backend.timeline.callAfter(TERMINATE_AFTER_MS, END, backend, state, ctx.request, mi);
  return mi;
}

const LIFETIME = defineTimer("ecs.managedInstanceLifetime", (backend: EcsBackend, state: EcsState, request: RequestContext, mi: ManagedInstance) => retire(contextOf(backend, state, request), mi, "lifetime"));

const END = defineTimer("ecs.managedInstanceEnd", (backend: EcsBackend, state: EcsState, request: RequestContext, mi: ManagedInstance) => terminate(contextOf(backend, state, request), mi));
