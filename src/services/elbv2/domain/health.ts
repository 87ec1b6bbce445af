// A probed target's health as AWS moves it: `initial` until HealthyThresholdCount checks in a row
// pass (healthy) or UnhealthyThresholdCount in a row fail (unhealthy); a healthy target turns
// unhealthy after UnhealthyThresholdCount failures in a row and back after HealthyThresholdCount
// passes. Pure: the data plane probes, this decides.
import type { TargetHealth } from "../generated/types.js";

/** What one health check found. */
export type ProbeOutcome = { ok: true } | { ok: false; kind: "code"; code: number } | { ok: false; kind: "timeout" } | { ok: false; kind: "connection" };

export interface Streak {
  ok: number;
  fail: number;
}

export interface Thresholds {
  healthy: number;
  unhealthy: number;
}

export const INITIAL_CHECKING: TargetHealth = { State: "initial", Reason: "Elb.InitialHealthChecking", Description: "Initial health checks in progress" };

/** AWS's reason and description for a failed check. */
export function failedHealth(outcome: Exclude<ProbeOutcome, { ok: true }>): TargetHealth {
  if (outcome.kind === "code") return { State: "unhealthy", Reason: "Target.ResponseCodeMismatch", Description: `Health checks failed with these codes: [${outcome.code}]` };
  if (outcome.kind === "timeout") return { State: "unhealthy", Reason: "Target.Timeout", Description: "Request timed out" };
  return { State: "unhealthy", Reason: "Target.FailedHealthChecks", Description: "Health checks failed" };
}

/** The health after one more check, and the streak it leaves; the same object when nothing shows a change. */
export function nextHealth(current: TargetHealth, streak: Streak, outcome: ProbeOutcome, t: Thresholds): { health: TargetHealth; streak: Streak } {
  if (outcome.ok) {
    const s = { ok: streak.ok + 1, fail: 0 };
    if (current.State !== "healthy" && s.ok >= t.healthy) return { health: { State: "healthy" }, streak: s };
    return { health: current.State === "initial" ? INITIAL_CHECKING : current, streak: s };
  }
  const s = { ok: 0, fail: streak.fail + 1 };
  if (current.State === "unhealthy") return { health: failedHealth(outcome), streak: s };
  if (s.fail >= t.unhealthy) return { health: failedHealth(outcome), streak: s };
  return { health: current.State === "initial" ? INITIAL_CHECKING : current, streak: s };
}

/** Whether a status code passes a matcher: "200", "200,202", "200-299" (HTTP), as HttpCode holds it. */
export function codeMatches(matcher: string | undefined, code: number): boolean {
  for (const part of (matcher ?? "200").split(",")) {
    const [lo, hi] = part.trim().split("-").map((x) => Number(x));
    if (hi === undefined ? code === lo : code >= lo && code <= hi) return true;
  }
  return false;
}
