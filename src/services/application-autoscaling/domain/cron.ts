// Application Auto Scaling's cron expressions: [Minutes] [Hours] [Day_of_Month] [Month] [Day_of_Week]
// [Year], optionally led by [Seconds], with *, ?, lists, ranges, steps, month and weekday names, L,
// W and # as CloudWatch Events writes them. Weekdays count 1 (SUN) to 7 (SAT).

const MONTHS = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
const DAYS = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

export interface Cron {
  seconds: number[];
  minutes: number[];
  hours: number[];
  months: Set<number>;
  years: Set<number>;
  /** Whether a date (its day, month, year and weekday 1–7) is one the expression runs on. */
  day(year: number, month: number, day: number): boolean;
}

class CronError extends Error {}

function value(token: string, min: number, max: number, names?: string[]): number {
  const named = names?.indexOf(token.toUpperCase()) ?? -1;
  const n = named >= 0 ? named + min : /^\d+$/.test(token) ? Number(token) : NaN;
  if (!(n >= min && n <= max)) throw new CronError(token);
  return n;
}

/** The values a plain field (no L, W or #) allows, ascending. */
function values(field: string, min: number, max: number, names?: string[]): number[] {
  const out = new Set<number>();
  for (const part of field.split(",")) {
    const [range, step] = part.split("/");
    if (step !== undefined && !/^\d+$/.test(step)) throw new CronError(part);
    const by = step === undefined ? 1 : Number(step);
    if (by < 1) throw new CronError(part);
    let [from, to] = [min, max];
    if (range !== "*") {
      const [a, b] = range.split("-");
      from = value(a, min, max, names);
      to = b === undefined ? (step === undefined ? from : max) : value(b, min, max, names);
    }
    if (to < from) throw new CronError(part);
    for (let v = from; v <= to; v += by) out.add(v);
  }
  return [...out].sort((a, b) => a - b);
}

const daysIn = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();
const weekday = (year: number, month: number, day: number): number => new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 1;

/** Day-of-month: numbers, L (last day), nW (the weekday nearest n), LW. */
function dayOfMonth(field: string): (y: number, m: number, d: number) => boolean {
  if (field === "L") return (y, m, d) => d === daysIn(y, m);
  if (field === "LW") return (y, m, d) => d === nearestWeekday(y, m, daysIn(y, m));
  const w = /^(\d+)W$/.exec(field);
  if (w) {
    const n = value(w[1], 1, 31);
    return (y, m, d) => d === nearestWeekday(y, m, Math.min(n, daysIn(y, m)));
  }
  const set = new Set(values(field, 1, 31));
  return (_y, _m, d) => set.has(d);
}

function nearestWeekday(y: number, m: number, n: number): number {
  const wd = weekday(y, m, n);
  if (wd === 7) return n === 1 ? 3 : n - 1;
  if (wd === 1) return n === daysIn(y, m) ? n - 2 : n + 1;
  return n;
}

/** Day-of-week: names or 1–7, nL (the month's last such weekday), n#k (its k-th). */
function dayOfWeek(field: string): (y: number, m: number, d: number) => boolean {
  const last = /^(\w+)L$/.exec(field);
  if (last) {
    const wd = value(last[1], 1, 7, DAYS);
    return (y, m, d) => weekday(y, m, d) === wd && d + 7 > daysIn(y, m);
  }
  const nth = /^(\w+)#([1-5])$/.exec(field);
  if (nth) {
    const wd = value(nth[1], 1, 7, DAYS);
    const k = Number(nth[2]);
    return (y, m, d) => weekday(y, m, d) === wd && Math.ceil(d / 7) === k;
  }
  const set = new Set(values(field === "L" ? "7" : field, 1, 7, DAYS));
  return (y, m, d) => set.has(weekday(y, m, d));
}

/** Parses the fields inside cron(…); undefined when they are not a valid expression. */
export function parseCron(text: string): Cron | undefined {
  const fields = text.trim().split(/\s+/);
  if (fields.length !== 6 && fields.length !== 7) return undefined;
  const [sec, min, hour, dom, month, dow, year] = fields.length === 7 ? fields : ["0", ...fields];
  try {
    const anyDom = dom === "*" || dom === "?";
    const anyDow = dow === "*" || dow === "?";
    const onDom = dom === "?" ? undefined : dayOfMonth(dom);
    const onDow = dow === "?" ? undefined : dayOfWeek(dow);
    const day = (y: number, m: number, d: number): boolean => {
      if (anyDom && anyDow) return true;
      if (anyDom) return onDow!(y, m, d);
      if (anyDow) return onDom!(y, m, d);
      return onDom!(y, m, d) || onDow!(y, m, d);
    };
    return {
      seconds: values(sec, 0, 59),
      minutes: values(min, 0, 59),
      hours: values(hour, 0, 23),
      months: new Set(values(month, 1, 12, MONTHS)),
      years: new Set(values(year, 1970, 2199)),
      day,
    };
  } catch (e) {
    if (e instanceof CronError) return undefined;
    throw e;
  }
}
