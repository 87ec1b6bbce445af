// Task sets: the units an EXTERNAL deployment controller scales, and how the API shows them.
// They live in the service's own `taskSets` list; their launches sit in `launches` under the task
// set id, which is also the startedBy of their tasks, so the reconciler tracks them like deployments.
import { InvalidParameterException, TaskSetNotFoundException } from "../generated/errors.js";
import type { NetworkConfiguration, Service, TaskSet, TaskSetField } from "../generated/types.js";
import type { EcsState, ServiceRecord } from "../store.js";
import { ecsArn, isArn, parseArn } from "./arn.js";
import { tagsOf } from "./tags.js";

/** ECS refuses a sixth task set in a service (the "task sets per service" quota). */
export const MAX_TASK_SETS = 5;

export const messages = {
  notExternal: "Amazon ECS only supports task set management on services configured to use external deployment controllers.",
  tooMany: `${MAX_TASK_SETS} deployments exist on the service. Unable to create new TaskSet since this exceeds the maximum limit.`,
  notFound: "The specified task set does not exist.",
  badIdentifier: "Task Set Identifier is invalid",
};

export function isExternal(s: Service): boolean {
  return s.deploymentController?.type === "EXTERNAL";
}

/** Task set management (create, update, delete, primary) is for EXTERNAL services only. */
export function checkExternal(s: Service): void {
  if (!isExternal(s)) throw new InvalidParameterException(messages.notExternal);
}

/** Describing also works for CODE_DEPLOY services, whose task sets CodeDeploy makes. */
export function checkHasTaskSets(s: Service): void {
  if (!isExternal(s) && s.deploymentController?.type !== "CODE_DEPLOY") throw new InvalidParameterException(messages.notExternal);
}

export function taskSetArn(state: EcsState, s: Service, id: string): string {
  return ecsArn(state, `task-set/${s.clusterArn!.split("/").pop()}/${s.serviceName}/${id}`);
}

/**
 * The task set id a reference (id or ARN) names; undefined when an ARN points at another
 * service, cluster, account or region. An ARN of another resource type is refused.
 */
export function taskSetIdFromRef(state: EcsState, s: Service, ref: string): string | undefined {
  if (!isArn(ref)) return ref;
  const p = parseArn(ref);
  if (!p || p.type !== "task-set") throw new InvalidParameterException(messages.badIdentifier);
  const [cluster, service, ...rest] = p.path.split("/");
  if (p.accountId !== state.accountId || p.region !== state.region) return undefined;
  if (cluster !== s.clusterArn!.split("/").pop() || service !== s.serviceName) return undefined;
  return rest.join("/");
}

export function findTaskSet(state: EcsState, sr: ServiceRecord, ref: string): TaskSet | undefined {
  const id = taskSetIdFromRef(state, sr.service, ref);
  return id === undefined ? undefined : sr.service.taskSets?.find((ts) => ts.id === id);
}

/** The task set an update acts on; one already draining is on its way out and no longer found. */
export function liveTaskSet(state: EcsState, sr: ServiceRecord, ref: string): TaskSet {
  const ts = findTaskSet(state, sr, ref);
  if (!ts || ts.status === "DRAINING") throw new TaskSetNotFoundException(messages.notFound);
  return ts;
}

/** The service's desired count times the scale, always rounded up (1.2 tasks are 2). */
export function computedDesiredCount(desiredCount: number, percent: number): number {
  // Rounding noise such as 3 × 33.4% = 1.0020000000000002 must not become an extra task.
  return Math.ceil(Number(((desiredCount * percent) / 100).toFixed(6)));
}

export function checkScale(value: number): void {
  if (!(value >= 0 && value <= 100)) throw new InvalidParameterException("Scale value must be between 0 and 100.");
}

/** New counts and scales change what the task set wants: it is stabilizing until the reconciler says otherwise. */
export function rescale(s: Service, ts: TaskSet, now: number): void {
  const next = ts.status === "DRAINING" ? 0 : computedDesiredCount(s.desiredCount ?? 0, ts.scale?.value ?? 0);
  if (next === ts.computedDesiredCount) return;
  ts.computedDesiredCount = next;
  ts.updatedAt = now;
  if (ts.stabilityStatus !== "STABILIZING") {
    ts.stabilityStatus = "STABILIZING";
    ts.stabilityStatusAt = now;
  }
}

/** ECS fills in assignPublicIp when a task set's awsvpc configuration leaves it out. */
export function shownNetwork(net: NetworkConfiguration | undefined): NetworkConfiguration | undefined {
  if (!net?.awsvpcConfiguration) return net;
  return { awsvpcConfiguration: { ...net.awsvpcConfiguration, assignPublicIp: net.awsvpcConfiguration.assignPublicIp ?? "DISABLED" } };
}

/** The fields a service takes from its primary task set; without a primary they are absent. */
const PRIMARY_FIELDS = ["taskDefinition", "launchType", "capacityProviderStrategy", "platformVersion", "platformFamily", "networkConfiguration"] as const;

export function applyPrimary(s: Service, primary: TaskSet | undefined): void {
  for (const f of PRIMARY_FIELDS) {
    if (primary?.[f] !== undefined) (s as Record<string, unknown>)[f] = structuredClone(primary[f]);
    else delete s[f];
  }
  s.loadBalancers = structuredClone(primary?.loadBalancers ?? []);
  s.serviceRegistries = structuredClone(primary?.serviceRegistries ?? []);
}

export function describeTaskSet(state: EcsState, ts: TaskSet, include: TaskSetField[] = []): TaskSet {
  const out = structuredClone(ts);
  if (include.includes("TAGS")) out.tags = tagsOf(state, ts.taskSetArn!);
  return out;
}
