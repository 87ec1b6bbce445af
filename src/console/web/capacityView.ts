// What ECS managed scaling itself sees of each Auto Scaling group provider, where the server offers
// it (GET /_ecs-local/capacity-providers, served with ECS managed scaling): the last
// CapacityProviderReservation datapoint with the instances running and needed, the alarms' state and
// the next evaluation. A server without it answers an error, and the page works the reservation out
// from the API instead (tabs/capacity.ts).
import type { Where } from "./api.js";

export interface Datapoint {
  /** ISO 8601. */
  at: string;
  reservation: number;
  running: number;
  needed: number;
  waiting: number;
  desiredCapacity: number;
  /** What the alarms did: the desired capacity set, or why nothing happened. */
  action: string;
}

export interface ProviderView {
  name: string;
  scalingPolicyName: string | null;
  alarms: { high: string; low: string; lowDatapoints: number; lowDatapointsToAlarm: number } | null;
  lastDatapoint: Datapoint | null;
  nextEvaluationAt: string | null;
}

export const VIEW_PATH = "/_ecs-local/capacity-providers";

/** False once the server answered that it has no such view: it is not asked again until the page reloads. */
let offered = true;

/** The providers of `where` by name, or undefined when the server does not offer the view. */
export async function capacityView(where: Where): Promise<Map<string, ProviderView> | undefined> {
  if (!offered) return undefined;
  let body: { capacityProviders?: (ProviderView & Where)[] };
  try {
    const res = await fetch(VIEW_PATH, { headers: { Accept: "application/json" } });
    if (!res.ok) {
      offered = false;
      return undefined;
    }
    body = await res.json();
  } catch {
    return undefined;
  }
  if (!Array.isArray(body.capacityProviders)) return undefined;
  const mine = body.capacityProviders.filter((p) => p.accountId === where.accountId && p.region === where.region);
  return new Map(mine.map((p) => [p.name, p]));
}

/** A reservation as the metric's value: whole numbers as they are, others to two decimals. */
export function percent(value: number): string {
  return `${Math.round(value * 100) / 100} %`;
}
