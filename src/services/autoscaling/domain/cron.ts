// Recurrence of scheduled actions: Unix cron (minute hour day-of-month month day-of-week, with
// `*`, lists, ranges and steps; names for months and days), in an IANA time zone (UTC by default).

const FIELDS = [
  { min: 0, max: 59 },
  { min: 0, max: 23 },
  { min: 1, max: 31 },
  { min: 1, max: 12, names: ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"] },
  { min: 0, max: 7, names: ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"] },
] as const;

export interface Cron {
  minutes: number[];
  hours: number[];
  days: Set<number>;
  months: Set<number>;
  weekdays: Set<number>;
  /** Both day fields restricted: a day matching either runs (cron's rule). */
  dayOr: boolean;
}

function value(text: string, f: (typeof FIELDS)[number]): number {
  const names = "names" in f ? (f.names as readonly string[]) : undefined;
  const named = names?.indexOf(text.toUpperCase()) ?? -1;
  const n = named >= 0 ? named + (f.min === 1 ? 1 : 0) : /^\d+$/.test(text) ? Number(text) : NaN;
  if (!(n >= f.min && n <= f.max)) throw new Error(text);
  return n;
}

function field(text: string, f: (typeof FIELDS)[number]): number[] {
  const out = new Set<number>();
  for (const part of text.split(",")) {
    const [range, stepText] = part.split("/");
    const step = stepText === undefined ? 1 : Number(stepText);
    if (!Number.isInteger(step) || step < 1) throw new Error(part);
    let lo: number = f.min;
    let hi: number = f.max;
    if (range !== "*") {
      const [a, b] = range.split("-");
      lo = value(a, f);
      hi = b !== undefined ? value(b, f) : stepText !== undefined ? f.max : lo;
    }
    if (lo > hi) throw new Error(part);
    for (let v = lo; v <= hi; v += step) out.add(v);
  }
  return [...out].sort((a, b) => a - b);
}

/** Parses a recurrence; undefined when it is not five valid fields. */
export function parseCron(expr: string): Cron | undefined {
  const parts = expr.trim().split(/\s+/);
  if (parts.length !== 5) return undefined;
  try {
    const [minutes, hours, days, months, weekdays] = parts.map((p, i) => field(p, FIELDS[i]));
    return { minutes, hours, days: new Set(days), months: new Set(months), weekdays: new Set(weekdays.map((d) => d % 7)), dayOr: parts[2] !== "*" && parts[4] !== "*" };
  } catch {
    return undefined;
  }
}

export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** The zone's offset from UTC at a moment, in ms (local = utc + offset). */
function offset(ms: number, tz: string): number {
  const parts = new Intl.DateTimeFormat("en-US", { timeZone: tz, hourCycle: "h23", year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric", second: "numeric" }).formatToParts(ms);
  const get = (t: string) => Number(parts.find((p) => p.type === t)!.value);
  return Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second")) - (ms - (ms % 1000));
}

function localToUtc(y: number, mo: number, d: number, h: number, mi: number, tz: string): number {
  const guess = Date.UTC(y, mo, d, h, mi);
  const first = guess - offset(guess, tz);
  return guess - offset(first, tz);
}

/** The first run strictly after `afterMs`, looking up to five years ahead; undefined when there is none. */
export function nextRun(cron: Cron, afterMs: number, tz = "UTC"): number | undefined {
  const start = new Date(afterMs + offset(afterMs, tz));
  for (let i = 0; i < 366 * 5; i++) {
    const day = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), start.getUTCDate() + i));
    const dom = cron.days.has(day.getUTCDate());
    const dow = cron.weekdays.has(day.getUTCDay());
    if (!cron.months.has(day.getUTCMonth() + 1) || !(cron.dayOr ? dom || dow : dom && dow)) continue;
    for (const h of cron.hours) {
      for (const m of cron.minutes) {
        const at = localToUtc(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), h, m, tz);
        if (at > afterMs) return at;
      }
    }
  }
  return undefined;
}
