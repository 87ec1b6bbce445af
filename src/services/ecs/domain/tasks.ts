// Making a task: its ARN, containers, network, resources taken from its instance; and finding tasks.
import type { EcsContext } from "../context.js";
import { InvalidParameterException } from "../generated/errors.js";
import type { Attachment, Attribute, Container, ContainerInstance, LaunchType, NetworkConfiguration, Tag, Task, TaskDefinition, TaskOverride } from "../generated/types.js";
import { effectiveNetworkMode, reserve, type TaskNeeds } from "./resources.js";
import { dynamicPortsOf, type ClusterRecord, type EcsState } from "../store.js";
import { ecsArn, isArn, parseArn, wrongCluster } from "./arn.js";
import { flat, type IdSource } from "../../../state/ids.js";
import { sharedText } from "../../../state/shared.js";
import { putTags } from "./tags.js";
import { subnetZone, type InterfaceAllocator } from "./network.js";

export interface NewTask {
  td: TaskDefinition;
  launchType: LaunchType;
  needs: TaskNeeds;
  group: string;
  /** The instance an EC2 task was placed on. */
  instance?: ContainerInstance;
  startedBy?: string;
  overrides?: TaskOverride;
  networkConfiguration?: NetworkConfiguration;
  enableExecuteCommand?: boolean;
  platformVersion?: string;
  capacityProviderName?: string;
  tags?: Tag[];
  /** No instance can take it yet: it stays PROVISIONING, its lifecycle not begun, until one can. */
  waiting?: boolean;
}

export const FARGATE_PLATFORM_VERSION = "1.4.0";

/** The group of a task started without one: one copy of the text for all the family's tasks. */
export function familyGroup(family: string): string {
  return sharedText(`family:${family}`);
}

const NONE: never[] = Object.freeze([]) as never[];
const X86_64 = Object.freeze([Object.freeze({ name: "ecs.cpu-architecture", value: "x86_64" })]) as Attribute[];
const ARM64 = Object.freeze([Object.freeze({ name: "ecs.cpu-architecture", value: "arm64" })]) as Attribute[];
/** Fargate's default ephemeral storage, shown as both `ephemeralStorage` and `fargateEphemeralStorage`. */
const FARGATE_STORAGE = Object.freeze({ sizeInGiB: 20 });

const plainOverrides = new WeakMap<TaskDefinition, TaskOverride>();

/** The overrides a task without any shows: one entry per container, shared by all its tasks. */
function defaultOverrides(td: TaskDefinition): TaskOverride {
  let o = plainOverrides.get(td);
  if (!o) {
    o = Object.freeze({ containerOverrides: (td.containerDefinitions ?? []).map((c) => Object.freeze({ name: c.name })), inferenceAcceleratorOverrides: NONE }) as TaskOverride;
    plainOverrides.set(td, o);
  }
  return o;
}

/** The overrides a task was started with, one entry per container as ECS echoes them. */
function echoOverrides(td: TaskDefinition, given: TaskOverride): TaskOverride {
  const byName = new Map((given.containerOverrides ?? []).map((o) => [o.name, o]));
  return {
    ...given,
    containerOverrides: (td.containerDefinitions ?? []).map((c) => byName.get(c.name) ?? { name: c.name }),
    inferenceAcceleratorOverrides: given.inferenceAcceleratorOverrides ?? NONE,
  };
}

function zoneOf(ctx: EcsContext, n: NewTask): string {
  const state = ctx.state;
  // A loop, not find(): every task placed reads it.
  for (const a of n.instance?.attributes ?? NONE) if (a.name === "ecs.availability-zone") {
    if (a.value) return a.value;
    break;
  }
  const subnet = n.networkConfiguration?.awsvpcConfiguration?.subnets?.[0] ?? "";
  const fromEc2 = subnetZone(ctx.backend.peers, state, subnet);
  if (fromEc2) return fromEc2;
  // A subnet EC2 does not know maps to one of three zones, always the same one.
  let h = 0;
  for (const ch of subnet) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return `${state.region}${"abc"[h % 3]}`;
}

/** The interface as RunTask answers it: PRECREATED, known only by its subnet until it is attached. */
function eni(ids: IdSource, n: NewTask): Attachment {
  const subnet = n.networkConfiguration?.awsvpcConfiguration?.subnets?.[0] ?? "";
  return { id: ids.uuid(), type: "ElasticNetworkInterface", status: "PRECREATED", details: [{ name: "subnetId", value: subnet }] };
}

/**
 * Attaches a task's elastic network interface: its id, MAC and addresses appear now, on the
 * attachment and on every container, as ECS shows them once the interface is ATTACHED.
 */
export function attachEni(task: Task, ids: IdSource, allocate?: InterfaceAllocator): void {
  for (const a of task.attachments ?? []) {
    if (a.type !== "ElasticNetworkInterface" || a.status !== "PRECREATED") continue;
    const subnetId = a.details?.find((d) => d.name === "subnetId")?.value ?? "";
    // EC2's interface when EC2 knows the subnet; otherwise an address made up from 10.0.0.0/16.
    const made = allocate?.(subnetId, a.id!);
    const ip = made?.privateIpv4Address ?? ids.privateIpv4();
    const hex = ids.hexId();
    const region = (task.availabilityZone ?? "").slice(0, -1);
    a.status = "ATTACHED";
    a.details = [
      ...(a.details ?? []),
      { name: "networkInterfaceId", value: made?.networkInterfaceId ?? flat(`eni-${hex.slice(0, 17)}`) },
      { name: "macAddress", value: made?.macAddress ?? hex.slice(0, 12).match(/../g)!.join(":") },
      { name: "privateDnsName", value: made?.privateDnsName ?? flat(`ip-${ip.replace(/\./g, "-")}.${region === "us-east-1" ? "ec2.internal" : `${region}.compute.internal`}`) },
      { name: "privateIPv4Address", value: ip },
    ];
    for (const c of task.containers ?? []) c.networkInterfaces = [{ attachmentId: a.id, privateIpv4Address: ip }];
  }
}

/** The id of a running container: Docker's 64 hex digits on EC2, `<task id>-<digits>` on Fargate. */
export function runtimeIdFor(task: Task, ids: IdSource): string {
  if (task.launchType !== "FARGATE") return flat(ids.hexId() + ids.hexId());
  return flat(`${task.taskArn!.split("/").pop()}-${1_000_000_000 + Math.floor(ids.random() * 3_000_000_000)}`);
}

/** Creates a task, takes its resources from its instance, and starts its lifecycle (which sets its first status). */
export function launchTask(ctx: EcsContext, rec: ClusterRecord, n: NewTask): Task {
  const { state } = ctx;
  const { ids } = state;
  const id = ids.hexId();
  const clusterName = rec.cluster.clusterName!;
  const taskArn = ecsArn(state, `task/${clusterName}/${id}`);
  const now = ctx.now();
  const zone = zoneOf(ctx, n);
  const awsvpc = effectiveNetworkMode(n.td) === "awsvpc";
  const attachment = awsvpc ? eni(ids, n) : undefined;
  const bindings = n.instance ? reserve(n.instance, n.needs, dynamicPortsOf(rec, n.instance)) : [];
  const byName = n.overrides?.containerOverrides?.length ? new Map(n.overrides.containerOverrides.map((o) => [o.name, o])) : undefined;

  const containers: Container[] = (n.td.containerDefinitions ?? []).map((c) => {
    const o = byName?.get(c.name);
    const memory = o?.memory ?? c.memory;
    const memoryReservation = o?.memoryReservation ?? c.memoryReservation;
    return {
      containerArn: ecsArn(state, `container/${clusterName}/${id}/${ids.uuid()}`),
      taskArn,
      name: c.name,
      image: c.image,
      lastStatus: "PENDING",
      networkBindings: bindings.length ? bindings.filter((_, i) => n.needs.ports[i].containerName === c.name) : NONE,
      networkInterfaces: NONE,
      healthStatus: "UNKNOWN",
      cpu: String(o?.cpu ?? c.cpu ?? 0),
      // Spread into the literal rather than set after it: a member added to a finished literal takes
      // an out-of-object store (about 20 bytes more for every task kept).
      ...(memory !== undefined ? { memory: String(memory) } : {}),
      ...(memoryReservation !== undefined ? { memoryReservation: String(memoryReservation) } : {}),
    };
  });

  const fargate = n.launchType === "FARGATE";
  const storage = n.td.ephemeralStorage ? { sizeInGiB: n.td.ephemeralStorage.sizeInGiB } : FARGATE_STORAGE;
  // Every key is set, absent ones to undefined (which JSON leaves out), so that all tasks share one
  // object layout; parts that never change after creation are shared between tasks.
  const task: Task = {
    attachments: attachment ? [attachment] : NONE,
    attributes: n.td.runtimePlatform?.cpuArchitecture === "ARM64" ? ARM64 : X86_64,
    availabilityZone: zone,
    capacityProviderName: n.capacityProviderName,
    clusterArn: rec.cluster.clusterArn,
    connectivity: undefined,
    connectivityAt: undefined,
    containerInstanceArn: n.instance?.containerInstanceArn,
    containers,
    cpu: String(n.needs.cpu),
    createdAt: now,
    desiredStatus: "RUNNING",
    enableExecuteCommand: n.enableExecuteCommand ?? false,
    ephemeralStorage: fargate ? storage : undefined,
    executionStoppedAt: undefined,
    fargateEphemeralStorage: fargate ? storage : undefined,
    group: n.group,
    healthStatus: "UNKNOWN",
    // Replaced at once by the first status the lifecycle gives the task (PROVISIONING or PENDING).
    lastStatus: "PROVISIONING",
    launchType: n.launchType,
    memory: String(n.needs.memory),
    overrides: n.overrides ? echoOverrides(n.td, n.overrides) : defaultOverrides(n.td),
    platformFamily: fargate ? "Linux" : undefined,
    platformVersion: fargate ? (n.platformVersion ?? FARGATE_PLATFORM_VERSION) : undefined,
    pullStartedAt: undefined,
    pullStoppedAt: undefined,
    startedAt: undefined,
    startedBy: n.startedBy,
    stopCode: undefined,
    stoppedAt: undefined,
    stoppedReason: undefined,
    stoppingAt: undefined,
    tags: NONE,
    taskArn,
    taskDefinitionArn: n.td.taskDefinitionArn,
    version: 1,
  };
  // Keyed by a slice of its ARN (which the task holds anyway) rather than the id's own copy.
  rec.tasks.set(taskArn.slice(taskArn.length - id.length), task);
  rec.index.add(task);
  const groups = n.networkConfiguration?.awsvpcConfiguration?.securityGroups;
  if (attachment && groups?.length) state.taskSecurityGroups.set(taskArn, [...groups]);
  if (attachment && n.networkConfiguration?.awsvpcConfiguration?.assignPublicIp === "ENABLED") state.taskPublicIps.add(taskArn);
  putTags(state, taskArn, n.tags);
  if (!n.waiting) ctx.backend.lifecycle.begin(state, rec, task);
  return task;
}

/** The id a task reference (id or ARN) names; a reference into another cluster is refused. */
export function taskIdFromRef(rec: ClusterRecord, ref: string): string | undefined {
  if (!isArn(ref)) return ref;
  const path = taskPath(ref);
  // Old-format ARNs (task/<id>) carry no cluster name.
  const slash = path.indexOf("/");
  if (slash < 0) return path;
  const cluster = path.slice(0, slash);
  if (cluster !== rec.cluster.clusterName) throw wrongCluster(cluster, rec.cluster.clusterName!);
  const end = path.indexOf("/", slash + 1);
  return path.slice(slash + 1, end < 0 ? undefined : end);
}

/** parseArn's `(.+)` stops at a line terminator: a path holding one is left to it. */
const oneLine = (s: string): boolean => s.indexOf("\n") < 0 && s.indexOf("\r") < 0 && s.indexOf("\u2028") < 0 && s.indexOf("\u2029") < 0;

/**
 * What follows `task/` in a task ARN. The common form, `arn:aws:ecs:<region>:<account>:task/…`, is
 * read without parseArn's expression (DescribeTasks reads 100 at a time); anything else goes through it.
 */
function taskPath(ref: string): string {
  if (ref.startsWith("arn:aws:ecs:")) {
    const region = ref.indexOf(":", 12);
    const account = region < 0 ? -1 : ref.indexOf(":", region + 1);
    if (account > 0 && ref.startsWith("task/", account + 1) && ref.length > account + 6) {
      const path = ref.slice(account + 6);
      if (oneLine(path)) return path;
    }
  }
  const p = parseArn(ref);
  if (!p || p.type !== "task") throw new InvalidParameterException("Invalid identifier: Identifier is for an incorrect resource type.");
  return p.path;
}

export function findTask(rec: ClusterRecord, ref: string): Task | undefined {
  // Most references are the ARNs ECS handed out (pollers send them back 100 at a time): a task whose
  // own ARN is the reference is the task the full reading below would find, read or refused nothing.
  const own = rec.tasks.get(ref.slice(ref.lastIndexOf("/") + 1));
  if (own?.taskArn === ref) return own;
  const id = taskIdFromRef(rec, ref);
  return id === undefined ? undefined : rec.tasks.get(id);
}

/** Texts kept for the tasks described most recently: pollers ask for the same tasks again and again. */
const JSON_CACHE_SIZE = 10_000;
export class TaskJsonCache {
  /**
   * The bytes of the tasks described more than once, by task; a task described once has its version
   * noted and no bytes: one look at many tasks (a scan of 100,000 tasks 100 at a time) would churn
   * the cache's bytes through the old generation, each batch kept then dropped, and every few hundred
   * requests the collector would mark the whole store again.
   */
  private readonly texts = new Map<Task, { version: number; json?: Buffer }>();
  // The oldest goes first. A ring of the tasks kept, not the map's own order: finding a map's first
  // key after many deletions walks past every deleted entry.
  private ring: (Task | undefined)[] = new Array(JSON_CACHE_SIZE);
  private next = 0;

  /**
   * A task's JSON as a member of a list after the first (a comma, then the task), encoded, made again
   * only when the task changed: every change goes through the lifecycle, which bumps `version` as ECS
   * does, so the version says when the bytes are stale. The comma comes with the task so that a list
   * of 100 goes to the socket in about 100 pieces rather than 200 (each piece is a write through
   * node:http's stream: a quarter of DescribeTasks' CPU went to those writes).
   */
  get(task: Task): Buffer {
    const hit = this.texts.get(task);
    if (hit?.json && hit.version === task.version) return hit.json;
    const json = Buffer.from("," + JSON.stringify(task), "utf8");
    if (hit) {
      hit.version = task.version ?? 0;
      hit.json = json;
      return json;
    }
    const oldest = this.ring[this.next];
    if (oldest) this.texts.delete(oldest);
    this.ring[this.next] = task;
    this.next = (this.next + 1) % JSON_CACHE_SIZE;
    this.texts.set(task, { version: task.version ?? 0 });
    return json;
  }

  /** Forgets every cached text (a reset must not keep the old state's tasks alive). */
  clear(): void {
    this.texts.clear();
    this.ring = new Array(JSON_CACHE_SIZE);
    this.next = 0;
  }
}

/** A task as Describe answers it: tags only when asked for. */
export function describeTask(state: EcsState, task: Task, withTags: boolean): Task {
  return withTags ? { ...task, tags: state.tags.get(task.taskArn!) ?? [] } : task;
}
