// Between the lifecycle and the container runtime: what a runtime is told about a task, and how
// its reports (started, exited, unhealthy, stopped) become task state changes with ECS's codes.
import { defineTimer } from "../../../engine/timers.js";
import { OUT_OF_MEMORY, type ContainerReport, type TaskEvents, type TaskRun } from "../../../runtime/runtime.js";
import type { EcsBackend } from "../context.js";
import type { Container, ContainerInstance, NetworkBinding, Task } from "../generated/types.js";
import { ESSENTIAL_EXITED } from "../domain/agentReports.js";
import { findRevision, parseTaskDefinitionRef } from "../domain/taskDefinitions.js";
import { dynamicPortsOf, type ClusterRecord, type EcsState } from "../store.js";
import { releasePort } from "../domain/resources.js";
import { resolveSecrets } from "./secrets.js";
import { readEnvironmentFiles } from "./environmentFiles.js";
import { endTaskCredentials, startTaskCredentials } from "./taskCredentials.js";
import { clusterChanged } from "./reconciler.js";

export const HEALTH_CHECKS_FAILED = "Task failed container health checks";

function instanceOf(rec: ClusterRecord, task: Task): ContainerInstance | undefined {
  const arn = task.containerInstanceArn;
  const id = arn === undefined ? undefined : arn.slice(arn.lastIndexOf("/") + 1);
  return id ? rec.instances.get(id) : undefined;
}

/**
 * The last reference read in each state (a pure function of its account, region and the ARN): tasks
 * started together share one, and its ARN is read with a regular expression. Held weakly: a state
 * reset away is not kept for it.
 */
const lastRefs = new WeakMap<EcsState, { arn: string; ref: ReturnType<typeof parseTaskDefinitionRef> }>();

function definitionRef(state: EcsState, arn: string): ReturnType<typeof parseTaskDefinitionRef> {
  const last = lastRefs.get(state);
  if (last?.arn === arn) return last.ref;
  const ref = parseTaskDefinitionRef(state, arn);
  lastRefs.set(state, { arn, ref });
  return ref;
}

export function taskRun(state: EcsState, rec: ClusterRecord, task: Task): TaskRun | undefined {
  const ref = definitionRef(state, task.taskDefinitionArn!);
  const td = ref?.revision ? findRevision(state, ref.family, ref.revision) : undefined;
  if (!td) return undefined;
  return {
    accountId: state.accountId,
    region: state.region,
    clusterName: rec.cluster.clusterName!,
    task,
    td,
    instance: instanceOf(rec, task),
    service: task.group?.startsWith("service:") ?? false,
  };
}

/**
 * The ports a container really got (an engine picks dynamic ones) replace the ones reserved for it:
 * a port taken for `hostPort: 0` stays a dynamic one (outside the remaining PORTS), a fixed one fixed.
 */
function rebind(rec: ClusterRecord, ci: ContainerInstance | undefined, c: Container, bindings: NetworkBinding[]): void {
  if (ci) {
    const dynamic = dynamicPortsOf(rec, ci);
    const wasDynamic = new Set((c.networkBindings ?? []).filter((b) => dynamic.has(`${b.protocol ?? "tcp"}/${b.hostPort}`)).map((b) => `${b.protocol ?? "tcp"}/${b.containerPort}`));
    for (const b of c.networkBindings ?? []) releasePort(ci, b, dynamic);
    for (const b of bindings) {
      const protocol = b.protocol ?? "tcp";
      if (wasDynamic.has(`${protocol}/${b.containerPort}`)) dynamic.add(`${protocol}/${b.hostPort}`);
      else {
        const set = ci.remainingResources?.find((r) => r.name === (protocol === "udp" ? "PORTS_UDP" : "PORTS"));
        if (set) set.stringSetValue = [...(set.stringSetValue ?? []), String(b.hostPort)];
      }
    }
  }
  c.networkBindings = bindings;
}

/** The task's network interface takes the address its containers really have (awsvpc on an engine). */
function readdress(task: Task, ip: string): void {
  for (const a of task.attachments ?? []) {
    if (a.type !== "ElasticNetworkInterface") continue;
    a.details = (a.details ?? []).map((d) => (d.name === "privateIPv4Address" ? { ...d, value: ip } : d.name === "privateDnsName" ? { ...d, value: d.value!.replace(/^ip-[\d-]+/, `ip-${ip.replace(/\./g, "-")}`) } : d));
  }
  for (const c of task.containers ?? []) c.networkInterfaces = (c.networkInterfaces ?? []).map((n) => ({ ...n, privateIpv4Address: ip }));
}

function essential(run: TaskRun, name: string): boolean {
  return run.td.containerDefinitions?.find((d) => d.name === name)?.essential !== false;
}

/** A task is HEALTHY when every essential container with a health check is, UNHEALTHY when one is not. */
function taskHealth(run: TaskRun): Task["healthStatus"] {
  const checked = (run.task.containers ?? []).filter((c) => essential(run, c.name!) && run.td.containerDefinitions?.find((d) => d.name === c.name)?.healthCheck);
  if (checked.some((c) => c.healthStatus === "UNHEALTHY")) return "UNHEALTHY";
  if (checked.length && checked.every((c) => c.healthStatus === "HEALTHY")) return "HEALTHY";
  return "UNKNOWN";
}

function apply(run: TaskRun, rec: ClusterRecord, r: ContainerReport): Container | undefined {
  const c = run.task.containers?.find((x) => x.name === r.name);
  if (!c) return undefined;
  if (r.runtimeId !== undefined) c.runtimeId = r.runtimeId;
  if (r.imageDigest !== undefined) c.imageDigest = r.imageDigest;
  if (r.status !== undefined) c.lastStatus = r.status;
  if (r.exitCode !== undefined) c.exitCode = r.exitCode;
  if (r.reason !== undefined) c.reason = r.reason;
  if (r.health !== undefined) c.healthStatus = r.health;
  if (r.networkBindings !== undefined) rebind(rec, instanceOf(rec, run.task), c, r.networkBindings);
  run.task.healthStatus = taskHealth(run);
  return c;
}

/** Where the runtime's reports on one task land: each is applied on the timeline, so services react after it. */
export function taskEvents(backend: EcsBackend, state: EcsState, rec: ClusterRecord, run: TaskRun): TaskEvents {
  const later = (kind: keyof TaskEvents, args: unknown[]): void => void backend.timeline.call(backend.timeline.now(), REPORT, backend, state, rec, run, kind, args);
  return {
    started: (...args) => later("started", args),
    changed: (...args) => later("changed", args),
    failed: (...args) => later("failed", args),
    stopped: () => later("stopped", []),
  };
}

function stopUnlessStopping(backend: EcsBackend, state: EcsState, rec: ClusterRecord, task: Task, reason: string, code: Parameters<EcsBackend["lifecycle"]["stop"]>[4]): void {
  if (task.desiredStatus !== "STOPPED") backend.lifecycle.stop(state, rec, task, reason, code);
}

/** One report of the runtime on a task, applied at the turn after it came. */
function applyReport(backend: EcsBackend, state: EcsState, rec: ClusterRecord, run: TaskRun, kind: keyof TaskEvents, args: unknown[]): void {
  const { task } = run;
  const lc = backend.lifecycle;
  if (kind === "started") {
    const [reports, ip] = args as Parameters<TaskEvents["started"]>;
    for (const r of reports) apply(run, rec, r);
    if (ip) readdress(task, ip);
    lc.release(state, rec, task, "PENDING");
  } else if (kind === "changed") {
    const [r] = args as Parameters<TaskEvents["changed"]>;
    const c = apply(run, rec, r);
    if (!c) return;
    lc.touch(state, rec, task);
    if (!essential(run, r.name)) return;
    if (r.status === "STOPPED") stopUnlessStopping(backend, state, rec, task, r.reason === OUT_OF_MEMORY ? OUT_OF_MEMORY : ESSENTIAL_EXITED, "EssentialContainerExited");
    else if (r.health === "UNHEALTHY" && run.service) stopUnlessStopping(backend, state, rec, task, HEALTH_CHECKS_FAILED, "ServiceSchedulerInitiated");
  } else if (kind === "failed") {
    const [code, reason] = args as Parameters<TaskEvents["failed"]>;
    for (const c of task.containers ?? []) if (c.lastStatus === "PENDING") c.reason ??= reason;
    stopUnlessStopping(backend, state, rec, task, reason, code);
  } else lc.release(state, rec, task, "STOPPING");
}

const REPORT = defineTimer("ecs.runtimeReport", applyReport);

const RELEASE = defineTimer("ecs.runtimeRelease", (backend: EcsBackend, state: EcsState, rec: ClusterRecord, task: Task, status: string) => backend.lifecycle.release(state, rec, task, status));

const FAIL_START = defineTimer("ecs.taskFailedToStart", (backend: EcsBackend, state: EcsState, rec: ClusterRecord, task: Task, failure: string) => {
  if (task.desiredStatus !== "STOPPED") backend.lifecycle.stop(state, rec, task, failure, "TaskFailedToStart");
});

/** The lifecycle's events for a task handed to the runtime before a snapshot (its reports in the journal's tail land there). */
export function eventsForRun(backend: EcsBackend, run: TaskRun): TaskEvents {
  const state = backend.states.get(run.accountId, run.region);
  return taskEvents(backend, state, state.clusters.get(run.clusterName)!, run);
}

const IGNORED: TaskEvents = { started() {}, changed() {}, failed() {}, stopped() {} };

/** Hands a task to the runtime when it enters a state the runtime acts on. */
export function runtimeEntered(backend: EcsBackend, state: EcsState, rec: ClusterRecord, task: Task, status: string): void {
  if (status === "STOPPED") endTaskCredentials(state, task);
  if (status !== "PENDING" && status !== "STOPPING") return;
  const holds = backend.runtime.holds(status);
  // A runtime that waits for nothing (the simulated one) only hears of starts, and never answers.
  if (!holds && status === "STOPPING") return;
  const run = taskRun(state, rec, task);
  // Without its task definition there is nothing to run: the task moves on as a simulated one would.
  if (!run) return void (holds && backend.timeline.call(backend.timeline.now(), RELEASE, backend, state, rec, task, status));
  // Only containers use credentials: a runtime that runs none is handed no roles.
  if (status === "PENDING" && holds && !assumeRoles(backend, state, rec, run)) return;
  if (status === "PENDING" && !readSecrets(backend, state, rec, run)) return;
  const events = holds ? taskEvents(backend, state, rec, run) : IGNORED;
  if (status === "PENDING") backend.runtime.start(run, events);
  else backend.runtime.stop(run, events);
}

/** Assumes the task's roles as ECS does before it starts anything; one it cannot assume stops the task at the next turn. */
function assumeRoles(backend: EcsBackend, state: EcsState, rec: ClusterRecord, run: TaskRun): boolean {
  const failure = startTaskCredentials(backend, state, run);
  if (failure === undefined) return true;
  backend.timeline.call(backend.timeline.now(), FAIL_START, backend, state, rec, run.task, failure);
  return false;
}

/**
 * Reads the task's secrets and environment files into its run, as the agent does before it pulls and starts anything; one
 * that cannot be read stops the task at the next turn (after the answer that started it), as ECS's
 * agent reports it, and nothing runs.
 */
function readSecrets(backend: EcsBackend, state: EcsState, rec: ClusterRecord, run: TaskRun): boolean {
  const secrets = resolveSecrets(backend.peers, run);
  const files = "values" in secrets ? readEnvironmentFiles(backend.peers, run) : secrets;
  if ("values" in secrets && "values" in files) {
    run.secrets = secrets.values;
    run.environmentFiles = files.values;
    return true;
  }
  const failure = "failure" in secrets ? secrets.failure : (files as { failure: string }).failure;
  backend.timeline.call(backend.timeline.now(), FAIL_START, backend, state, rec, run.task, failure);
  return false;
}

/** An engine stopped answering or answers again: the instances on it are lost (their tasks stop) or back. */
export function engineChanged(backend: EcsBackend, endpoint: string, up: boolean): void {
  const { runtime } = backend;
  if (!runtime.endpointOf) return;
  for (const state of backend.states.all()) {
    for (const rec of state.clusters.values()) {
      let changed = false;
      for (const ci of rec.instances.values()) {
        if (ci.status === "INACTIVE" || runtime.endpointOf(ci) !== endpoint || ci.agentConnected === up) continue;
        ci.agentConnected = up;
        changed = true;
        if (!up) backend.lifecycle.stopTasksOnInstance(state, rec, ci.containerInstanceArn!, `Docker engine at ${endpoint} is unreachable: the container instance was lost`);
      }
      if (changed) clusterChanged({ state, backend, request: { accountId: state.accountId, region: state.region, requestId: "" }, now: () => backend.timeline.now() / 1000 }, rec);
    }
  }
}

/** Where a task's containers are, by its last status: started (or starting) and not yet removed. */
const WITH_CONTAINERS = new Set(["PENDING", "ACTIVATING", "RUNNING", "DEACTIVATING", "STOPPING"]);

/**
 * After a restart with a state directory: the runtime takes over every task an earlier run left with
 * it, once the containers no task claims any more (left by a stop cut short, or a reset) are removed.
 */
export async function resumeTasks(backend: EcsBackend): Promise<void> {
  const { runtime } = backend;
  if (!runtime.resume || !runtime.holds("PENDING")) return;
  const keep = new Set<string>();
  const endpoints = new Set<string>();
  const resumes: (() => Promise<void>)[] = [];
  for (const state of backend.states.all()) {
    for (const rec of state.clusters.values()) {
      for (const ci of rec.instances.values()) if (runtime.endpointOf) endpoints.add(runtime.endpointOf(ci));
      for (const task of rec.tasks.values()) {
        const status = task.lastStatus ?? "";
        const run = WITH_CONTAINERS.has(status) ? taskRun(state, rec, task) : undefined;
        if (!run) continue;
        if (status !== "PENDING") keep.add(task.taskArn!);
        // A start done again needs the secrets again; one that can no longer be read stops the task.
        else if (!readSecrets(backend, state, rec, run)) continue;
        resumes.push(() => runtime.resume!(run, taskEvents(backend, state, rec, run), status));
      }
    }
  }
  await runtime.sweep?.(keep, [...endpoints]);
  await Promise.all(resumes.map((resume) => resume()));
}
