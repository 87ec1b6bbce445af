// A service's CPU and memory utilization, the metrics of ECSServiceAverageCPUUtilization and
// ECSServiceAverageMemoryUtilization. The simulated runtime has no load, so a test states it (PUT
// /_ecs-local/utilization); with Docker the engine's stats are measured each minute a target tracks
// them. Either way it arrives through ecs-local's own journaled operation, so a replay sees it too.
import type { ApplicationAutoScalingBackend, ApplicationAutoScalingContext, ApplicationAutoScalingState, TargetRecord, UtilizationInput, UtilizationSample } from "../context.js";
import { ValidationException } from "../generated/errors.js";
import { isActive, loadEcs, readService } from "./ecsPort.js";
import { messages } from "./messages.js";
import { ecsResource } from "./resources.js";

/** ecs-local's operation (not AWS's): the name it is journaled under. */
export const SET_UTILIZATION = "SetServiceUtilization";

export type Metric = "cpu" | "memory";

/** Samples are kept by `<cluster name>/<service>`, however the cluster was named (name or ARN). */
export const utilizationKey = (cluster: string, service: string): string => `${cluster.replace(/^arn:.*:cluster\//, "")}/${service}`;

export interface UtilizationOutput {
  cluster: string;
  service: string;
  cpu?: number;
  memory?: number;
  tasks: number;
}

export function setUtilization(input: UtilizationInput, ctx: ApplicationAutoScalingContext): UtilizationOutput | Promise<UtilizationOutput> {
  checkInput(input);
  const apply = (): UtilizationOutput => {
    const view = readService(ctx.backend, ctx.request, { cluster: input.cluster, service: input.service });
    if (!isActive(view)) throw new ValidationException(messages.serviceMissing(`service/${input.cluster}/${input.service}`));
    const tasks = input.tasks ?? (view.runningCount || view.desiredCount || 1);
    const sample: UtilizationSample = { tasks, at: ctx.now(), ...(input.cpu !== undefined ? { cpu: input.cpu } : {}), ...(input.memory !== undefined ? { memory: input.memory } : {}) };
    ctx.state.utilization.set(utilizationKey(input.cluster, input.service), sample);
    return { cluster: input.cluster, service: input.service, ...(sample.cpu !== undefined ? { cpu: sample.cpu } : {}), ...(sample.memory !== undefined ? { memory: sample.memory } : {}), tasks };
  };
  const loading = loadEcs(ctx.backend);
  return loading ? loading.then(apply) : apply();
}

function checkInput(input: UtilizationInput): void {
  const name = (v: unknown): boolean => typeof v === "string" && v.length > 0;
  const percent = (v: unknown): boolean => v === undefined || (typeof v === "number" && Number.isFinite(v) && v >= 0);
  if (!name(input?.cluster) || !name(input?.service)) throw new ValidationException(messages.utilizationNames);
  if (!percent(input.cpu) || !percent(input.memory) || (input.cpu === undefined && input.memory === undefined)) throw new ValidationException(messages.utilizationValues);
  if (input.tasks !== undefined && !(Number.isInteger(input.tasks) && input.tasks > 0)) throw new ValidationException(messages.utilizationTasks);
}

/** The metric's value now with `running` tasks: the load behind the sample spread over them. */
export function metricValue(state: ApplicationAutoScalingState, rec: TargetRecord, metric: Metric, running: number): number | undefined {
  const res = ecsResource(rec.target.ResourceId)!;
  const sample = state.utilization.get(utilizationKey(res.cluster, res.service));
  const value = sample?.[metric];
  if (value === undefined || running <= 0) return undefined;
  return (value * sample!.tasks) / running;
}

/**
 * Asks the runtime what the service's tasks use (the Docker runtime; the simulated one measures
 * nothing) and stores the answer, when it comes, as a sample. The answer is journaled when it is
 * stored, so nothing here draws on the seeded ids or changes state in the meantime.
 */
export function measure(backend: ApplicationAutoScalingBackend, state: ApplicationAutoScalingState, rec: TargetRecord): void {
  const res = ecsResource(rec.target.ResourceId)!;
  const pending = backend.peers.ecs.usage.measure(state.accountId, state.region, res.cluster, res.service);
  if (!pending) return;
  const request = { accountId: state.accountId, region: state.region, requestId: "ecs-local-measurement" };
  void pending
    .then((u) => (u ? backend.setUtilization({ cluster: res.cluster, service: res.service, cpu: u.cpu, memory: u.memory, tasks: u.tasks }, request) : undefined))
    .catch(() => undefined);
}
