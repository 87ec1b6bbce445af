import type { EcsContext, Handler } from "../context.js";
import { ClientException } from "../generated/errors.js";
import type { Attribute, ContainerInstance, RegisterContainerInstanceRequest, Resource, VersionInfo } from "../generated/types.js";
import type { ClusterRecord } from "../store.js";
import { activeCluster } from "../domain/clusters.js";
import { bump, containerInstanceArn, defaultResources, describeInstance, findInstance, instanceIdFromRef, resourcesFrom } from "../domain/containerInstances.js";
import { builtInAttributes, checkAttribute, mergeAttributes, type HostFacts } from "../domain/instanceAttributes.js";
import { DEFAULT_INSTANCE_TYPE, registeredCapacity } from "../domain/instanceTypes.js";
import { checkTags, putTags } from "../domain/tags.js";
import { clusterChanged } from "../scheduler/reconciler.js";
import { providerOfInstance } from "../capacity/providerGroup.js";
import { managedJoined } from "../managedInstances/join.js";
import { cloneData } from "../../../state/clone.js";
import { sameOrFrozenCopy } from "../../../state/shared.js";

/** What the agent reports when it does not say: a recent ECS-optimized Amazon Linux 2 agent. */
const DEFAULT_VERSION: VersionInfo = Object.freeze({ agentVersion: "1.89.0", agentHash: "c1bb4ab5", dockerVersion: "DockerVersion: 25.0.8" });

/** What the last registration kept: instances of a fleet register alike, one after another. */
let lastVersion: VersionInfo | undefined;
let lastRegistered: Resource[] | undefined;

/** Version info as an instance holds it: replaced by a registration, never edited, so shared between instances that report the same. */
function versionInfo(before: VersionInfo, given: VersionInfo | undefined): VersionInfo {
  return given ? (lastVersion = sameOrFrozenCopy(lastVersion, { ...before, ...given })) : before;
}

/**
 * What the agent registered changes only by a new registration, which replaces it: instances
 * registered alike hold one frozen copy (compared member by member with the last: a JSON text as a
 * table's key cost a tenth of a registration's CPU).
 */
function sharedResources(registered: Resource[]): Resource[] {
  return (lastRegistered = sameOrFrozenCopy(lastRegistered, registered));
}

interface Identity extends HostFacts {
  instanceId: string;
}

/**
 * The instance identity document as far as it can be read. Nothing signs it here, so any document is
 * accepted; what it lacks is invented the way a fresh EC2 instance in this region would look.
 */
function identity(ctx: EcsContext, doc: string | undefined): Identity {
  let d: Record<string, unknown> = {};
  if (doc) {
    try {
      const parsed: unknown = JSON.parse(doc);
      if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) d = parsed as Record<string, unknown>;
    } catch {
      // an unreadable document tells us nothing; defaults follow
    }
  }
  const str = (k: string) => (typeof d[k] === "string" && d[k] !== "" ? (d[k] as string) : undefined);
  const instanceType = str("instanceType") ?? DEFAULT_INSTANCE_TYPE;
  const capacity = registeredCapacity(instanceType) ?? registeredCapacity(DEFAULT_INSTANCE_TYPE)!;
  const arch = str("architecture");
  return {
    instanceId: str("instanceId") ?? `i-${ctx.state.ids.hexId().slice(0, 17)}`,
    instanceType,
    imageId: str("imageId") ?? `ami-${ctx.state.ids.hexId().slice(0, 17)}`,
    availabilityZone: str("availabilityZone") ?? `${ctx.state.region}a`,
    architecture: arch === "arm64" || arch === "aarch64" ? "arm64" : arch === "x86_64" ? "x86_64" : capacity.architecture,
  };
}

function registeredResources(host: Identity, total: Resource[] | undefined): Resource[] {
  const capacity = registeredCapacity(host.instanceType) ?? registeredCapacity(DEFAULT_INSTANCE_TYPE)!;
  const fallback = defaultResources(capacity.cpu, capacity.memory);
  // The fallback is made here for this instance alone: what the agent did not send is taken from it as it is.
  return total?.length ? resourcesFrom(total, fallback, true) : fallback;
}

/** The agent reconnecting: same instance, fresh version info, resources and attributes. */
function reregister(ctx: EcsContext, rec: ClusterRecord, input: RegisterContainerInstanceRequest, ci: ContainerInstance, custom: Attribute[]): ContainerInstance {
  if (input.totalResources?.length) {
    const registered = resourcesFrom(input.totalResources, ci.registeredResources ?? []);
    ci.remainingResources = registered.map((r) => {
      const before = ci.registeredResources?.find((x) => x.name === r.name);
      const left = ci.remainingResources?.find((x) => x.name === r.name);
      if (r.type !== "INTEGER" || !before || !left) return structuredClone(left ?? r);
      // Keep what tasks hold: the new total less what was in use.
      const used = (before.integerValue ?? 0) - (left.integerValue ?? 0);
      return { ...r, integerValue: (r.integerValue ?? 0) - used };
    });
    ci.registeredResources = sharedResources(registered);
  }
  if (input.versionInfo) ci.versionInfo = versionInfo(ci.versionInfo ?? {}, input.versionInfo);
  ci.attributes = mergeAttributes(ci.attributes ?? [], custom);
  ci.agentConnected = true;
  bump(ci);
  putTags(ctx.state, ci.containerInstanceArn!, input.tags);
  return ci;
}

export const registerContainerInstance: Handler<"RegisterContainerInstance"> = (input, ctx) => {
  const { state } = ctx;
  const rec = activeCluster(state, input.cluster);
  checkTags(input.tags);
  const custom = input.attributes ?? [];
  custom.forEach(checkAttribute);

  if (input.containerInstanceArn) {
    const ci = findInstance(state, rec, input.containerInstanceArn);
    if (!ci || ci.status === "INACTIVE") {
      throw new ClientException(`Referenced container instance ${instanceIdFromRef(input.containerInstanceArn)} not registered.`);
    }
    if (input.totalResources?.length) resourcesFrom(input.totalResources, []);
    const again = reregister(ctx, rec, input, ci, custom);
    clusterChanged(ctx, rec);
    return { containerInstance: describeInstance(state, rec, again, ["TAGS"]) };
  }

  const host = identity(ctx, input.instanceIdentityDocument);
  const registered = registeredResources(host, input.totalResources);
  const id = ctx.state.ids.hexId();
  const arn = containerInstanceArn(state, rec.cluster.clusterName!, id);
  // An instance of a capacity provider's Auto Scaling group registers as that provider's.
  const provider = providerOfInstance(ctx, host.instanceId);
  const ci: ContainerInstance = {
    containerInstanceArn: arn,
    ec2InstanceId: host.instanceId,
    version: 1,
    versionInfo: versionInfo(DEFAULT_VERSION, input.versionInfo),
    remainingResources: cloneData(registered),
    registeredResources: sharedResources(registered),
    status: "ACTIVE",
    agentConnected: true,
    runningTasksCount: 0,
    pendingTasksCount: 0,
    attributes: custom.length ? mergeAttributes(builtInAttributes(host), custom) : builtInAttributes(host),
    registeredAt: ctx.now(),
    attachments: [],
    ...(provider ? { capacityProviderName: provider } : {}),
  };
  rec.instances.set(id, ci);
  putTags(state, arn, input.tags);
  managedJoined(ctx, rec, id, ci);
  clusterChanged(ctx, rec);
  return { containerInstance: describeInstance(state, rec, ci, ["TAGS"]) };
};
