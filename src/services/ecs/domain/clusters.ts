// Finding clusters by name or ARN, and describing them with live counts.
import { ClusterNotFoundException, InvalidParameterException } from "../generated/errors.js";
import type { Cluster, ClusterField, ClusterSetting, KeyValuePair } from "../generated/types.js";
import type { ClusterRecord, EcsState } from "../store.js";
import { ecsArn, isArn, nameFromRef, parseArn } from "./arn.js";
import { tagsOf } from "./tags.js";

export const DEFAULT_CLUSTER = "default";

export function clusterArn(state: EcsState, name: string): string {
  return ecsArn(state, `cluster/${name}`);
}

const CLUSTER_NAME = /^[a-zA-Z0-9_-]{1,255}$/;

/** The short name a cluster reference (name, ARN or nothing) points at; a malformed name is refused as ECS refuses it. */
export function clusterName(ref: string | undefined): string {
  if (ref === undefined || ref === "") return DEFAULT_CLUSTER;
  const name = nameFromRef(ref, "cluster");
  if (!isArn(ref) && !CLUSTER_NAME.test(name)) throw new InvalidParameterException(`Cluster must match ^[a-zA-Z0-9\\-_]{1,255}$, but was ${ref}`);
  return name;
}

/** The cluster record a reference names in this account and region; an ARN of another one names none here. */
export function findCluster(state: EcsState, ref: string | undefined): ClusterRecord | undefined {
  const name = clusterName(ref);
  if (ref && isArn(ref)) {
    const p = parseArn(ref);
    if (p && (p.accountId !== state.accountId || p.region !== state.region)) return undefined;
  }
  return state.clusters.get(name);
}

/** The ACTIVE cluster a request names; ECS answers "Cluster not found." for a missing or deleted one. */
export function activeCluster(state: EcsState, ref: string | undefined): ClusterRecord {
  const rec = findCluster(state, ref);
  if (!rec || rec.cluster.status === "INACTIVE") throw new ClusterNotFoundException("Cluster not found.");
  return rec;
}

// Every state on the way to RUNNING counts as pending, not only PENDING itself.
const PENDING = ["PROVISIONING", "PENDING", "ACTIVATING"];

function counts(rec: ClusterRecord) {
  const pendingOf = (launchType?: string): number => PENDING.reduce((n, status) => n + rec.index.count(status, launchType), 0);
  const running = rec.index.count("RUNNING");
  const pending = pendingOf();
  const runningFargate = rec.index.count("RUNNING", "FARGATE");
  const pendingFargate = pendingOf("FARGATE");
  const byLaunch = { runningEC2: running - runningFargate, runningFargate, pendingEC2: pending - pendingFargate, pendingFargate };
  let instances = 0;
  for (const ci of rec.instances.values()) if (ci.status !== "INACTIVE") instances++;
  const services = { active: 0, activeEC2: 0, activeFargate: 0, drainingEC2: 0, drainingFargate: 0 };
  for (const { service: s } of rec.services.values()) {
    const fargate = s.launchType === "FARGATE";
    if (s.status === "ACTIVE") {
      services.active++;
      if (fargate) services.activeFargate++;
      else services.activeEC2++;
    } else if (s.status === "DRAINING") {
      if (fargate) services.drainingFargate++;
      else services.drainingEC2++;
    }
  }
  return { running, pending, instances, byLaunch, services };
}

function statistics(c: ReturnType<typeof counts>): KeyValuePair[] {
  const stat = (name: string, value: number): KeyValuePair => ({ name, value: String(value) });
  return [
    stat("runningEC2TasksCount", c.byLaunch.runningEC2),
    stat("runningFargateTasksCount", c.byLaunch.runningFargate),
    stat("pendingEC2TasksCount", c.byLaunch.pendingEC2),
    stat("pendingFargateTasksCount", c.byLaunch.pendingFargate),
    stat("activeEC2ServiceCount", c.services.activeEC2),
    stat("activeFargateServiceCount", c.services.activeFargate),
    stat("drainingEC2ServiceCount", c.services.drainingEC2),
    stat("drainingFargateServiceCount", c.services.drainingFargate),
  ];
}

/**
 * The cluster as ECS answers it. Without `include` it is the full view Create, Update and Delete
 * answer with (settings, configuration, attachments and tags). DescribeClusters passes its `include`: settings,
 * configuration, attachments, tags and statistics then appear only when asked for, while
 * `statistics` and `tags` stay present as empty lists, as ECS sends them.
 */
export function describeCluster(state: EcsState, rec: ClusterRecord, include?: ClusterField[]): Cluster {
  const c = counts(rec);
  const full = include === undefined;
  const wants = (f: ClusterField) => full || include.includes(f);
  const { settings, configuration, attachments, attachmentsStatus, ...rest } = rec.cluster;
  return {
    ...rest,
    registeredContainerInstancesCount: c.instances,
    runningTasksCount: c.running,
    pendingTasksCount: c.pending,
    activeServicesCount: c.services.active,
    statistics: include?.includes("STATISTICS") ? statistics(c) : [],
    tags: wants("TAGS") ? tagsOf(state, rec.cluster.clusterArn!) : [],
    // Without SETTINGS asked for, ECS still sends the member, as an empty list.
    settings: wants("SETTINGS") ? (settings ?? []) : [],
    ...(wants("CONFIGURATIONS") && configuration ? { configuration } : {}),
    // Capacity provider attachments: in Create, Put and Delete answers, in Describe when asked for.
    ...(wants("ATTACHMENTS") && attachments ? { attachments: structuredClone(attachments), ...(attachmentsStatus ? { attachmentsStatus } : {}) } : {}),
  };
}

const INSIGHTS = ["enabled", "disabled", "enhanced"];

/** Checks cluster settings before anything is stored. */
export function checkClusterSettings(settings: ClusterSetting[] | undefined): void {
  for (const s of settings ?? []) {
    if (s.name === undefined) throw new InvalidParameterException("Cluster setting name cannot be null.");
    if (s.value === undefined || !INSIGHTS.includes(s.value)) throw new InvalidParameterException("Invalid setting 'value'");
  }
}

/** Settings with `changes` applied by name, keeping the order settings were first given in. */
export function mergeClusterSettings(current: ClusterSetting[] | undefined, changes: ClusterSetting[]): ClusterSetting[] {
  const byName = new Map((current ?? []).map((s) => [s.name, { ...s }]));
  for (const s of changes) byName.set(s.name, { name: s.name, value: s.value });
  return [...byName.values()];
}
