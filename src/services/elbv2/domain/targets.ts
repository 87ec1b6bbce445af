// Registered targets and their health, moved by the clock: a group some load balancer uses checks
// each new target (`initial`, then `healthy` after interval × healthy threshold); a deregistered
// one drains for the deregistration delay, then is gone. A group no load balancer uses checks nothing.
import { defineTimer, invokeCall, type NamedCall } from "../../../engine/timers.js";
import type { Elbv2Backend, Elbv2State, TargetGroupRecord, TargetRecord } from "../context.js";
import type { TargetDescription, TargetHealth, TargetHealthDescription } from "../generated/types.js";
import { nextHealth, type ProbeOutcome } from "./health.js";

export const HEALTH = {
  registering: { State: "initial", Reason: "Elb.RegistrationInProgress", Description: "Target registration is in progress" },
  checking: { State: "initial", Reason: "Elb.InitialHealthChecking", Description: "Initial health checks in progress" },
  healthy: { State: "healthy" },
  notInUse: { State: "unused", Reason: "Target.NotInUse", Description: "Target group is not configured to receive traffic from the load balancer" },
  notRegistered: { State: "unused", Reason: "Target.NotRegistered", Description: "Target is not registered to the target group" },
  draining: { State: "draining", Reason: "Target.DeregistrationInProgress", Description: "Target deregistration is in progress" },
} as const satisfies Record<string, TargetHealth>;

export function targetKey(id: string, port: number | undefined): string {
  return `${id}:${port ?? ""}`;
}

/** AWS's seconds scaled by `elbTimePercent` (0 by default: settled at the next turn of the clock). */
export function elbMs(backend: Elbv2Backend, seconds: number): number {
  return Math.round((seconds * 1000 * backend.config.timings.elbTimePercent) / 100);
}

/** The load balancers whose listeners (default actions or rules) forward to the group. */
export function loadBalancersOf(state: Elbv2State, tgArn: string): string[] {
  const out = new Set<string>();
  for (const l of state.listeners.values()) {
    const uses = (l.listener.DefaultActions ?? []).some((a) => forwardsTo(a, tgArn)) || [...l.rules.values()].some((r) => (r.Actions ?? []).some((a) => forwardsTo(a, tgArn)));
    if (uses) out.add(l.listener.LoadBalancerArn!);
  }
  return [...out];
}

export function forwardsTo(a: { TargetGroupArn?: string; ForwardConfig?: { TargetGroups?: { TargetGroupArn?: string }[] } }, tgArn: string): boolean {
  return a.TargetGroupArn === tgArn || (a.ForwardConfig?.TargetGroups ?? []).some((t) => t.TargetGroupArn === tgArn);
}

function set(t: TargetRecord, health: TargetHealth): void {
  t.health = { ...health };
  if (t.onChange) invokeCall(t.onChange);
}

/**
 * Starts the health checks of a target: registration, initial checks, then healthy. A target the
 * data plane can reach is probed for real (observe() moves it); any other settles by the clock.
 */
function check(backend: Elbv2Backend, state: Elbv2State, tg: TargetGroupRecord, t: TargetRecord): void {
  backend.timeline.cancel(t.timer);
  t.streak = { ok: 0, fail: 0 };
  t.marked = false;
  t.probed = backend.probing?.(state, tg, t) ?? false;
  set(t, HEALTH.registering);
  if (t.probed) return;
  const interval = tg.tg.HealthCheckIntervalSeconds ?? 30;
  const threshold = tg.tg.HealthyThresholdCount ?? 5;
  t.timer = backend.timeline.callAfter(elbMs(backend, interval), CHECKING, backend, t, elbMs(backend, interval * (threshold - 1)));
}

const CHECKING = defineTimer("elbv2.targetChecking", (backend: Elbv2Backend, t: TargetRecord, untilHealthy: number) => {
  set(t, HEALTH.checking);
  t.timer = backend.timeline.callAfter(untilHealthy, HEALTHY, t);
});

const HEALTHY = defineTimer("elbv2.targetHealthy", (t: TargetRecord) => {
  t.timer = undefined;
  set(t, HEALTH.healthy);
});

export function register(backend: Elbv2Backend, state: Elbv2State, tg: TargetGroupRecord, targets: TargetDescription[], onChange?: NamedCall): void {
  const used = loadBalancersOf(state, tg.tg.TargetGroupArn!).length > 0;
  for (const d of targets) {
    const port = d.Port ?? tg.tg.Port;
    const key = targetKey(d.Id, port);
    const existing = tg.targets.get(key);
    if (onChange && existing) existing.onChange = onChange;
    // Registering a registered target changes nothing; a draining one comes back.
    if (existing && existing.health.State !== "draining") continue;
    const t: TargetRecord = existing ?? { target: { Id: d.Id, ...(port !== undefined ? { Port: port } : {}), ...(d.AvailabilityZone ? { AvailabilityZone: d.AvailabilityZone } : {}) }, health: { ...HEALTH.notInUse }, onChange };
    tg.targets.set(key, t);
    if (used) check(backend, state, tg, t);
    else {
      backend.timeline.cancel(t.timer);
      set(t, HEALTH.notInUse);
    }
  }
}

/** Answers how long (ms) until the last of them is gone. */
export function deregister(backend: Elbv2Backend, state: Elbv2State, tg: TargetGroupRecord, targets: TargetDescription[]): number {
  const used = loadBalancersOf(state, tg.tg.TargetGroupArn!).length > 0;
  const delay = elbMs(backend, Number(tg.attributes.get("deregistration_delay.timeout_seconds") ?? 300));
  let longest = 0;
  for (const d of targets) {
    const key = targetKey(d.Id, d.Port ?? tg.tg.Port);
    const t = tg.targets.get(key);
    if (!t || t.health.State === "draining") continue;
    backend.timeline.cancel(t.timer);
    if (!used) {
      remove(tg, key, t);
      continue;
    }
    set(t, HEALTH.draining);
    longest = Math.max(longest, delay);
    t.timer = backend.timeline.callAfter(delay, REMOVE, tg, key, t);
  }
  return longest;
}

function remove(tg: TargetGroupRecord, key: string, t: TargetRecord): void {
  if (tg.targets.get(key) !== t) return;
  tg.targets.delete(key);
  t.timer = undefined;
  if (t.onChange) invokeCall(t.onChange);
}

const REMOVE = defineTimer("elbv2.targetDrained", remove);

/** A listener or rule started or stopped forwarding to the group: its targets start checks, or go unused. */
export function usageChanged(backend: Elbv2Backend, state: Elbv2State, tgArn: string): void {
  const tg = state.targetGroups.get(tgArn);
  if (!tg) return;
  const used = loadBalancersOf(state, tgArn).length > 0;
  for (const [key, t] of tg.targets) {
    if (used && t.health.State === "unused") check(backend, state, tg, t);
    else if (!used && t.health.State !== "unused") {
      backend.timeline.cancel(t.timer);
      if (t.health.State === "draining") remove(tg, key, t);
      else set(t, HEALTH.notInUse);
    }
  }
}

export function describeTarget(tg: TargetGroupRecord, d: TargetDescription): TargetHealthDescription {
  const port = d.Port ?? tg.tg.Port;
  const t = tg.targets.get(targetKey(d.Id, port));
  const target = t?.target ?? { Id: d.Id, ...(port !== undefined ? { Port: port } : {}) };
  const health = t?.health ?? HEALTH.notRegistered;
  // AWS leaves the health-check port out while no check has run (unused, registration in progress).
  const checked = health.State !== "unused" && health.Reason !== HEALTH.registering.Reason;
  const hcPort = tg.tg.HealthCheckPort === "traffic-port" || tg.tg.HealthCheckPort === undefined ? target.Port : tg.tg.HealthCheckPort;
  return { Target: target, ...(checked && hcPort !== undefined ? { HealthCheckPort: String(hcPort) } : {}), TargetHealth: { ...health } };
}

/** One health check's outcome for a probed target; draining, unused and marked targets take none. */
export function observe(tg: TargetGroupRecord, t: TargetRecord, outcome: ProbeOutcome): void {
  if (!t.probed || t.marked || !["initial", "healthy", "unhealthy"].includes(t.health.State!)) return;
  const thresholds = { healthy: tg.tg.HealthyThresholdCount ?? 5, unhealthy: tg.tg.UnhealthyThresholdCount ?? 2 };
  const { health, streak } = nextHealth(t.health, t.streak ?? { ok: 0, fail: 0 }, outcome, thresholds);
  t.streak = streak;
  if (health.State !== t.health.State || health.Reason !== t.health.Reason || health.Description !== t.health.Description) set(t, health);
}

/**
 * Sets a registered target's health by hand (the simulated runtime's way to fail a target in a
 * test): it stays so, whatever the clock or a probe says, until marked again or registered anew.
 */
export function mark(backend: Elbv2Backend, t: TargetRecord, health: TargetHealth): void {
  backend.timeline.cancel(t.timer);
  t.timer = undefined;
  t.marked = true;
  set(t, health);
}
