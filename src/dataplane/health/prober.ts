// Checks every target the data plane can reach, each at its group's interval (scaled by
// --elb-time-percent, never faster than MIN_INTERVAL_MS), one check at a time per target, and hands
// each outcome to ELBv2 on the timeline, where it moves the target's health.
import type { Timeline } from "../../engine/timeline.js";
import type { TrafficPort } from "../../services/elbv2/trafficPort.js";
import type { AddressPort } from "../../services/ecs/addressPort.js";
import { checkPort, probe } from "./probe.js";

export const MIN_INTERVAL_MS = 500;
export const MIN_TIMEOUT_MS = 1000;

export interface ProberOptions {
  traffic: TrafficPort;
  addresses: AddressPort;
  timeline: Timeline;
  /** --elb-time-percent */
  percent: number;
}

export class Prober {
  private readonly due = new Map<string, number>();
  private readonly inFlight = new Set<string>();
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly o: ProberOptions) {}

  start(): void {
    this.timer ??= setInterval(() => this.round(), 100);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
    this.due.clear();
  }

  private scaled(seconds: number, floor: number): number {
    return Math.max(floor, Math.round((seconds * 1000 * this.o.percent) / 100));
  }

  /** Checks every target whose turn has come. */
  round(): void {
    const now = Date.now();
    const seen = new Set<string>();
    for (const p of this.o.traffic.probed()) {
      const key = `${p.accountId}/${p.region}/${p.tg.TargetGroupArn}/${p.target.key}`;
      seen.add(key);
      if (this.inFlight.has(key) || (this.due.get(key) ?? 0) > now) continue;
      const where = this.o.addresses.locate(p.accountId, p.region, p.tg.TargetType ?? "instance", p.target.id, checkPort(p.tg, p.target.port));
      const interval = this.scaled(p.tg.HealthCheckIntervalSeconds ?? 30, MIN_INTERVAL_MS);
      this.due.set(key, now + interval);
      const apply = (outcome: Parameters<TrafficPort["observe"]>[4]): void => {
        const tl = this.o.timeline;
        tl.at(tl.now(), () => this.o.traffic.observe(p.accountId, p.region, p.tg.TargetGroupArn!, p.target.key, outcome));
      };
      if (!where) {
        apply({ ok: false, kind: "connection" });
        continue;
      }
      this.inFlight.add(key);
      void probe(p.tg, where, this.scaled(p.tg.HealthCheckTimeoutSeconds ?? 5, MIN_TIMEOUT_MS)).then((outcome) => {
        this.inFlight.delete(key);
        if (this.timer) apply(outcome);
      });
    }
    for (const key of this.due.keys()) if (!seen.has(key)) this.due.delete(key);
  }
}
