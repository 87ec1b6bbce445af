// Finding clusters by name or ARN, and describing them with live counts.
import { ClusterNotFoundException } from "../generated/errors.js";
import type { Cluster, ClusterField, KeyValuePair } from "../generated/types.js";
import type { ClusterRecord, EcsState } from "../store.js";
import { ecsArn, nameFromRef } from "./arn.js";
import { tagsOf } from "./tags.js";

export const DEFAULT_CLUSTER = "default";

export function clusterArn(state: EcsState, name: string): string {
  return ecsArn(state, `cluster/${name}`);
}

/** The short name a cluster reference (name, ARN or nothing) points at. */
export function clusterName(ref: string | undefined): string {
  return ref === undefined || ref === "" ? DEFAULT_CLUSTER : nameFromRef(ref, "cluster");
}

/** The ACTIVE cluster a request names; ECS answers "Cluster not found." for a missing or deleted one. */
export function activeCluster(state: EcsState, ref: string | undefined): ClusterRecord {
  const rec = state.clusters.get(clusterName(ref));
  if (!rec || rec.cluster.status === "INACTIVE") throw new ClusterNotFoundException("Cluster not found.");
  return rec;
}

function counts(rec: ClusterRecord) {
  let running = 0;
  let pending = 0;
  const byLaunch = { runningEC2: 0, runningFargate: 0, pendingEC2: 0, pendingFargate: 0 };
  for (const t of rec.tasks.values()) {
    const fargate = t.launchType === "FARGATE";
    if (t.lastStatus === "RUNNING") {
      running++;
      if (fargate) byLaunch.runningFargate++;
      else byLaunch.runningEC2++;
    } else if (t.lastStatus === "PENDING") {
      pending++;
      if (fargate) byLaunch.pendingFargate++;
      else byLaunch.pendingEC2++;
    }
  }
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

/** The cluster as Describe/Create/Delete answer it; `include` adds the optional parts. */
export function describeCluster(state: EcsState, rec: ClusterRecord, include: ClusterField[] = []): Cluster {
  const c = counts(rec);
  const out: Cluster = {
    ...rec.cluster,
    registeredContainerInstancesCount: c.instances,
    runningTasksCount: c.running,
    pendingTasksCount: c.pending,
    activeServicesCount: c.services.active,
    statistics: [],
    tags: [],
  };
  if (!include.includes("CONFIGURATIONS")) delete out.configuration;
  if (!include.includes("ATTACHMENTS")) {
    delete out.attachments;
    delete out.attachmentsStatus;
  }
  if (include.includes("TAGS")) out.tags = tagsOf(state, rec.cluster.clusterArn!);
  if (include.includes("STATISTICS")) {
    const stat = (name: string, value: number): KeyValuePair => ({ name, value: String(value) });
    out.statistics = [
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
  return out;
}
