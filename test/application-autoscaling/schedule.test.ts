// Schedule expressions as Application Auto Scaling reads them: at(), rate() and cron() with
// CloudWatch Events' fields, in a time zone with daylight saving time, bounded by StartTime and EndTime.
import { describe, expect, it } from "vitest";
import { nextRun, parseSchedule, type Bounds } from "../../src/services/application-autoscaling/domain/schedule.js";

const ms = (iso: string): number => Date.parse(iso);
const iso = (t: number | undefined): string | undefined => (t === undefined ? undefined : new Date(t).toISOString());
const none: Bounds = { anchor: ms("2026-01-01T00:00:00Z") };

function next(expr: string, after: string, zone = "UTC", bounds: Bounds = none): string | undefined {
  const s = parseSchedule(expr, zone);
  if (!s) throw new Error(`not a schedule: ${expr}`);
  return iso(nextRun(s, bounds, ms(after)));
}

describe("schedule expressions", () => {
  it("refuses what is not at(), rate() or cron() of six or seven fields", () => {
    for (const bad of ["at(2026-02-30T10:00:00)", "at(2026-01-01 10:00:00)", "rate(0 minutes)", "rate(5 weeks)", "cron(0 10 * *)", "cron(61 10 * * ? *)", "cron(0 10 * * FOO *)", "every day", "cron(0 10 L-2 * ? *)"]) {
      expect(parseSchedule(bad, "UTC"), bad).toBeUndefined();
    }
  });

  it("runs at() once, at that wall-clock time in its zone", () => {
    expect(next("at(2026-03-01T09:30:00)", "2026-01-01T00:00:00Z")).toBe("2026-03-01T09:30:00.000Z");
    expect(next("at(2026-01-31T17:00:00)", "2026-01-01T00:00:00Z", "America/New_York")).toBe("2026-01-31T22:00:00.000Z");
    expect(next("at(2026-03-01T09:30:00)", "2026-03-01T09:30:00Z")).toBeUndefined();
  });

  it("runs rate() every interval from its StartTime, or from when it was put", () => {
    expect(next("rate(5 minutes)", "2026-01-01T00:00:00Z")).toBe("2026-01-01T00:05:00.000Z");
    expect(next("rate(1 hour)", "2026-01-01T02:10:00Z")).toBe("2026-01-01T03:00:00.000Z");
    const bounded: Bounds = { anchor: 0, start: ms("2026-01-30T12:00:00Z"), end: ms("2026-01-31T22:00:00Z") };
    expect(next("rate(5 hours)", "2026-01-01T00:00:00Z", "UTC", bounded)).toBe("2026-01-30T12:00:00.000Z");
    expect(next("rate(5 hours)", "2026-01-30T12:00:00Z", "UTC", bounded)).toBe("2026-01-30T17:00:00.000Z");
    expect(next("rate(5 hours)", "2026-01-31T19:00:00Z", "UTC", bounded)).toBeUndefined();
  });

  it("reads the user guide's cron examples", () => {
    expect(next("cron(0 10 * * ? *)", "2026-01-01T10:00:00Z")).toBe("2026-01-02T10:00:00.000Z");
    expect(next("cron(15 12 * * ? *)", "2026-01-01T11:00:00Z")).toBe("2026-01-01T12:15:00.000Z");
    // 2026-01-02 is a Friday: the next weekday 18:00 after it is Monday the 5th.
    expect(next("cron(0 18 ? * MON-FRI *)", "2026-01-02T18:00:00Z")).toBe("2026-01-05T18:00:00.000Z");
    expect(next("cron(0 8 1 * ? *)", "2026-01-01T08:00:00Z")).toBe("2026-02-01T08:00:00.000Z");
    expect(next("cron(0/15 * * * ? *)", "2026-01-01T10:07:00Z")).toBe("2026-01-01T10:15:00.000Z");
    expect(next("cron(0/5 8-17 ? * MON-FRI *)", "2026-01-02T17:55:00Z")).toBe("2026-01-05T08:00:00.000Z");
    expect(next("cron(30 6 * * 2 *)", "2026-01-01T00:00:00Z")).toBe("2026-01-05T06:30:00.000Z");
  });

  it("knows L, W, # and the seconds field", () => {
    expect(next("cron(0 0 L * ? *)", "2026-02-01T00:00:00Z")).toBe("2026-02-28T00:00:00.000Z");
    // The 15th of August 2026 is a Saturday: the weekday nearest it is Friday the 14th.
    expect(next("cron(0 9 15W * ? *)", "2026-08-01T00:00:00Z")).toBe("2026-08-14T09:00:00.000Z");
    expect(next("cron(0 9 ? * 6L *)", "2026-01-01T00:00:00Z")).toBe("2026-01-30T09:00:00.000Z");
    expect(next("cron(0 9 ? * MON#2 *)", "2026-01-01T00:00:00Z")).toBe("2026-01-12T09:00:00.000Z");
    expect(next("cron(30 0 9 * * ? *)", "2026-01-01T09:00:00Z")).toBe("2026-01-01T09:00:30.000Z");
    expect(next("cron(0 0 1 1 ? 2027)", "2026-06-01T00:00:00Z")).toBe("2027-01-01T00:00:00.000Z");
  });

  it("keeps wall-clock times across daylight saving time in the action's zone", () => {
    // New York leaves EST (UTC-5) for EDT (UTC-4) on 2026-03-08.
    expect(next("cron(0 18 ? * MON-FRI *)", "2026-03-06T00:00:00Z", "America/New_York")).toBe("2026-03-06T23:00:00.000Z");
    expect(next("cron(0 18 ? * MON-FRI *)", "2026-03-07T00:00:00Z", "America/New_York")).toBe("2026-03-09T22:00:00.000Z");
    // Etc/GMT+9 is UTC-9: at 2026-01-01T00:00Z it is Wednesday the 31st, 15:00 there.
    expect(next("cron(0 18 ? * MON-FRI *)", "2026-01-01T00:00:00Z", "Etc/GMT+9")).toBe("2026-01-01T03:00:00.000Z");
  });
});
