// A scheduled action's Schedule: at(yyyy-mm-ddThh:mm:ss) once, rate(n unit) every interval, or
// cron(fields); at and cron in the action's Timezone (UTC by default). Times are epoch ms.
import { parseCron, type Cron } from "./cron.js";
import { instant, wallClock } from "./zones.js";

export type Schedule = { kind: "at"; at: number } | { kind: "rate"; every: number } | { kind: "cron"; cron: Cron; zone: string };

const UNITS: Record<string, number> = { minute: 60_000, minutes: 60_000, hour: 3_600_000, hours: 3_600_000, day: 86_400_000, days: 86_400_000 };

/** The schedule an expression describes; undefined when it is not one. */
export function parseSchedule(expression: string, zone: string): Schedule | undefined {
  const at = /^at\((\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})\)$/.exec(expression);
  if (at) {
    const [year, month, day, hour, minute, second] = at.slice(1).map(Number);
    const ms = instant({ year, month, day, hour, minute, second }, zone);
    const back = wallClock(ms, zone);
    // A date that does not exist (Feb 30) does not come back as written.
    if (back.year !== year || back.month !== month || back.day !== day) return undefined;
    return { kind: "at", at: ms };
  }
  const rate = /^rate\((\d+)\s+([a-z]+)\)$/.exec(expression);
  if (rate) {
    const n = Number(rate[1]);
    return n > 0 && UNITS[rate[2]] ? { kind: "rate", every: n * UNITS[rate[2]] } : undefined;
  }
  const cron = /^cron\((.*)\)$/.exec(expression);
  if (cron) {
    const parsed = parseCron(cron[1]);
    return parsed ? { kind: "cron", cron: parsed, zone } : undefined;
  }
  return undefined;
}

/** The first time the cron expression names after `after` (exclusive), within ten years. */
function nextCron(s: Extract<Schedule, { kind: "cron" }>, after: number): number | undefined {
  const { cron, zone } = s;
  const start = wallClock(after, zone);
  const startMinute = start.hour * 60 + start.minute;
  const first = Date.UTC(start.year, start.month - 1, start.day);
  for (let i = 0; i < 3660; i++) {
    const date = new Date(first + i * 86_400_000);
    const [year, month, day] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
    if (!cron.years.has(year) || !cron.months.has(month) || !cron.day(year, month, day)) continue;
    for (const hour of cron.hours) {
      for (const minute of cron.minutes) {
        // On the first day, times hours before `after` cannot follow it, daylight saving or not.
        if (i === 0 && hour * 60 + minute < startMinute - 180) continue;
        for (const second of cron.seconds) {
          const at = instant({ year, month, day, hour, minute, second }, zone);
          if (at > after) return at;
        }
      }
    }
  }
  return undefined;
}

export interface Bounds {
  /** StartTime and EndTime of a recurring schedule, epoch ms. */
  start?: number;
  end?: number;
  /** Where a rate counts from without a StartTime: when the action was put. */
  anchor: number;
}

/**
 * When the schedule runs next after `after` (exclusive). A recurring schedule runs at its StartTime
 * and then as it recurs (the user guide's words), never after its EndTime; at() runs once.
 */
export function nextRun(s: Schedule, bounds: Bounds, after: number): number | undefined {
  let next: number | undefined;
  if (s.kind === "at") return s.at > after ? s.at : undefined;
  if (bounds.start !== undefined && bounds.start > after) next = bounds.start;
  else if (s.kind === "rate") {
    // Without a StartTime the first run is an interval after the action was put, not at once.
    const from = bounds.start ?? bounds.anchor;
    next = from + Math.max(bounds.start === undefined ? 1 : 0, Math.floor((after - from) / s.every) + 1) * s.every;
  } else next = nextCron(s, after);
  return next !== undefined && (bounds.end === undefined || next <= bounds.end) ? next : undefined;
}
