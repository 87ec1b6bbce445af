// Wall-clock times in a time zone (a scheduled action's Timezone, UTC by default), with the zone
// rules Node's ICU carries: daylight saving time moves the instant, not the wall-clock time.

export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formats = new Map<string, Intl.DateTimeFormat>();

function format(zone: string): Intl.DateTimeFormat {
  let f = formats.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", { timeZone: zone, hourCycle: "h23", year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric", second: "numeric" });
    formats.set(zone, f);
  }
  return f;
}

/** Whether the zone is an IANA time zone this runtime knows. */
export function isZone(zone: string): boolean {
  try {
    format(zone);
    return true;
  } catch {
    return false;
  }
}

/** The wall-clock time at an instant (epoch ms) in the zone. */
export function wallClock(ms: number, zone: string): WallClock {
  const parts: Record<string, number> = {};
  for (const p of format(zone).formatToParts(new Date(ms))) if (p.type !== "literal") parts[p.type] = Number(p.value);
  return { year: parts.year, month: parts.month, day: parts.day, hour: parts.hour, minute: parts.minute, second: parts.second };
}

const asUtc = (w: WallClock): number => Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);

/** How far the zone's wall clock is ahead of UTC at an instant, in ms. */
function offset(ms: number, zone: string): number {
  return asUtc(wallClock(ms, zone)) - Math.floor(ms / 1000) * 1000;
}

/** The instant (epoch ms) a wall-clock time in the zone names; a time skipped by DST lands just after the gap. */
export function instant(w: WallClock, zone: string): number {
  const guess = asUtc(w);
  const first = guess - offset(guess, zone);
  const second = guess - offset(first, zone);
  return first === second ? first : Math.max(first, second);
}
