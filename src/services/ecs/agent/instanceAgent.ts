// The ECS container agent of the ECS-optimized AMI, running on EC2's simulated instances: when an
// instance of an ECS-optimized image (EC2's image port says which), or one whose user data configures
// an agent, reaches `running` it reads ECS_CLUSTER from the user data and registers through the same
// path as the RegisterContainerInstance API (the real agent calls that API); when the instance stops
// the agent disconnects and its tasks stop; when it terminates the instance is deregistered.
// EC2 knows nothing of ECS: it only tells its instance listeners what changed.
import type { Ec2Backend, Ec2State, InstanceListener, InstanceRecord } from "../../ec2/context.js";
import type { EcsBackend, EcsContext } from "../context.js";
import { findCluster, DEFAULT_CLUSTER } from "../domain/clusters.js";
import { bump } from "../domain/containerInstances.js";
import { createCluster } from "../operations/createCluster.js";
import { deregisterContainerInstance } from "../operations/deregisterContainerInstance.js";
import { registerContainerInstance } from "../operations/registerContainerInstance.js";
import { clusterChanged } from "../scheduler/reconciler.js";
import type { ClusterRecord } from "../store.js";

/**
 * Whether the instance runs the ECS agent and which cluster it joins, from what `/etc/ecs/ecs.config`
 * would say (the user data, plain or a script that writes it). The ECS-optimized AMIs start the agent
 * on every instance, which joins `default` unless ECS_CLUSTER names another; an instance of any other
 * image runs an agent only when its user data configures one with a cluster.
 */
export function agentConfig(userData: string | undefined, image?: { ecsOptimized: boolean; name?: string }): { cluster: string } | undefined {
  const text = userData === undefined ? "" : Buffer.from(userData, "base64").toString("utf8");
  // Bottlerocket reads TOML settings instead: `[settings.ecs]` `cluster = "…"`.
  const m = image?.name?.startsWith("bottlerocket-") ? bottlerocketCluster(text) : /ECS_CLUSTER\s*=\s*["']?([A-Za-z0-9_-]{1,255})/.exec(text)?.[1];
  if (m) return { cluster: m };
  return image?.ecsOptimized ? { cluster: DEFAULT_CLUSTER } : undefined;
}

function bottlerocketCluster(toml: string): string | undefined {
  const dotted = /^\s*settings\.ecs\.cluster\s*=\s*"([^"]{1,255})"/m.exec(toml);
  if (dotted) return dotted[1];
  const table = /^\s*\[settings\.ecs\]\s*$([\s\S]*?)(?=^\s*\[|(?![\s\S]))/m.exec(toml);
  return table ? /^\s*cluster\s*=\s*"([^"]{1,255})"/m.exec(table[1])?.[1] : undefined;
}

/** The stop reason ECS gives tasks whose host went away: `Host EC2 (instance i-…) terminated.`, or `stopped.` for a stop. */
export function hostGoneReason(instanceId: string, how: "stopped" | "terminated"): string {
  return `Host EC2 (instance ${instanceId}) ${how}.`;
}

function contextFor(ecs: EcsBackend, ec2State: Ec2State): EcsContext {
  const clock = ecs.timeline.clock;
  return {
    state: ecs.states.get(ec2State.accountId, ec2State.region),
    backend: ecs,
    request: { accountId: ec2State.accountId, region: ec2State.region, requestId: ecs.ids.uuid() },
    now: () => clock.now() / 1000,
  };
}

/** The container instance this EC2 instance registered as, in whatever cluster. */
function registration(ctx: EcsContext, instanceId: string): { rec: ClusterRecord; id: string } | undefined {
  for (const rec of ctx.state.clusters.values()) {
    for (const [id, ci] of rec.instances) if (ci.ec2InstanceId === instanceId && ci.status !== "INACTIVE") return { rec, id };
  }
  return undefined;
}

function onRunning(ctx: EcsContext, ec2: Ec2Backend, inst: InstanceRecord): void {
  const image = ec2.image(ctx.state.accountId, ctx.state.region, inst.instance.ImageId ?? "");
  const config = agentConfig(inst.userData, image && { ecsOptimized: image.ecsOptimized, name: image.name });
  if (!config) return;
  const instanceId = inst.instance.InstanceId!;
  const known = registration(ctx, instanceId);
  if (known) {
    // Started again after a stop: the same container instance, its agent back.
    const ci = known.rec.instances.get(known.id)!;
    ci.agentConnected = true;
    bump(ci);
    clusterChanged(ctx, known.rec);
    return;
  }
  // The agent creates the default cluster when it is missing; a named cluster must exist.
  if (!findCluster(ctx.state, config.cluster)) {
    if (config.cluster !== DEFAULT_CLUSTER) return;
    createCluster({ clusterName: DEFAULT_CLUSTER }, ctx);
  }
  const identity = {
    instanceId,
    instanceType: inst.instance.InstanceType,
    imageId: inst.instance.ImageId,
    availabilityZone: inst.instance.Placement?.AvailabilityZone,
    region: ctx.state.region,
    architecture: inst.instance.Architecture,
    privateIp: inst.instance.PrivateIpAddress,
    accountId: ctx.state.accountId,
  };
  // The agent reads the VPC and subnet from the instance metadata and sends them with its registration.
  const network = [
    ...(inst.instance.VpcId ? [{ name: "ecs.vpc-id", value: inst.instance.VpcId }] : []),
    ...(inst.instance.SubnetId ? [{ name: "ecs.subnet-id", value: inst.instance.SubnetId }] : []),
  ];
  void registerContainerInstance({ cluster: config.cluster, instanceIdentityDocument: JSON.stringify(identity), attributes: network }, ctx);
}

function onLeaving(ctx: EcsContext, inst: InstanceRecord): void {
  const known = registration(ctx, inst.instance.InstanceId!);
  if (!known) return;
  const ci = known.rec.instances.get(known.id)!;
  if (ci.agentConnected !== false) {
    ci.agentConnected = false;
    bump(ci);
  }
  const how = inst.instance.State?.Name === "stopping" ? "stopped" : "terminated";
  ctx.backend.lifecycle.stopTasksOnInstance(ctx.state, known.rec, ci.containerInstanceArn!, hostGoneReason(inst.instance.InstanceId!, how));
  clusterChanged(ctx, known.rec);
}

function onTerminated(ctx: EcsContext, inst: InstanceRecord): void {
  const known = registration(ctx, inst.instance.InstanceId!);
  if (!known) return;
  void deregisterContainerInstance({ cluster: known.rec.cluster.clusterArn, containerInstance: known.rec.instances.get(known.id)!.containerInstanceArn!, force: true }, ctx);
}

/** Runs the agent on every instance EC2 starts, stops and terminates. */
export function connectInstanceAgent(ecs: EcsBackend, ec2: Ec2Backend): void {
  ec2.instanceListeners.push(instanceAgent(ecs, ec2));
}

/** EC2's listener that is the agent (lazyAgent.ts adds it once loaded). */
export function instanceAgent(ecs: EcsBackend, ec2: Ec2Backend): InstanceListener {
  return (ec2State, inst) => {
    const ctx = contextFor(ecs, ec2State);
    switch (inst.instance.State?.Name) {
      case "running":
        onRunning(ctx, ec2, inst);
        break;
      case "stopping":
      case "shutting-down":
        onLeaving(ctx, inst);
        break;
      case "terminated":
        onTerminated(ctx, inst);
        break;
    }
  };
}
