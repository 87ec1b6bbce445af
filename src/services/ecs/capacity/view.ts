// GET /_ecs-local/capacity-providers: each Auto Scaling group provider with what managed scaling
// sees — the last CapacityProviderReservation datapoint (running and needed instances), the group's
// sizes, the alarms' state, and the tasks waiting for capacity — so a user can see why a task waits.
// A read: it changes nothing.
import type { EcsBackend } from "../context.js";
import type { ClusterRecord, EcsState } from "../store.js";
import { providerGroup } from "./autoScaling.js";
import { LOW_DATAPOINTS } from "./evaluation.js";
import { waitingFor } from "./waiting.js";

const iso = (seconds: number): string => new Date(seconds * 1000).toISOString();

function waitingTasks(rec: ClusterRecord | undefined, provider: string) {
  if (!rec) return [];
  return waitingFor(rec, provider).map((w) => ({ taskArn: w.task.taskArn, group: w.task.group, cpu: w.needs.cpu, memory: w.needs.memory, since: iso(w.task.createdAt!) }));
}

function providerView(backend: EcsBackend, state: EcsState, name: string) {
  const cp = state.capacityProviders.get(name)!;
  const m = state.managed.get(name);
  const rec = m?.cluster === undefined ? undefined : state.clusters.get(m.cluster);
  const group = providerGroup(backend, state, cp);
  const next = m?.timer?.fn ? m.timer.at : undefined;
  return {
    accountId: state.accountId,
    region: state.region,
    name,
    status: cp.status,
    ...(cp.updateStatus ? { updateStatus: cp.updateStatus } : {}),
    autoScalingGroupProvider: cp.autoScalingGroupProvider,
    cluster: m?.cluster ?? null,
    scalingPolicyName: m?.policy?.name ?? null,
    alarms: m?.policy ? { high: m.policy.alarmHigh, low: m.policy.alarmLow, lowDatapoints: m.lowDatapoints, lowDatapointsToAlarm: LOW_DATAPOINTS } : null,
    group: group ? { name: group.name, minSize: group.minSize, maxSize: group.maxSize, desiredCapacity: group.desiredCapacity, instances: group.instances.length } : null,
    lastDatapoint: m?.last ? { ...m.last, at: iso(m.last.at) } : null,
    nextEvaluationAt: next === undefined ? null : iso(next / 1000),
    waitingTasks: waitingTasks(rec, name),
  };
}

export function capacityProvidersView(backend: EcsBackend) {
  const capacityProviders = [];
  for (const state of backend.states.all()) {
    for (const [name, cp] of state.capacityProviders) if (cp.autoScalingGroupProvider) capacityProviders.push(providerView(backend, state, name));
  }
  return { capacityProviders };
}
