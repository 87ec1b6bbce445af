// A snapshot builder's pace: full speed while nobody asks anything of the server, a tenth of the time
// while requests come in, with the rests left out of what it reports as worked.
import { describe, expect, it } from "vitest";
import { activityCounter, BUSY_SHARE, Pacer, SLICE_MS, touch } from "../../src/state/persist/pacer.js";

/** A pacer on a clock that moves only when told: each step costs `msPerStep` of work. */
function paced(msPerStep: number) {
  let now = 0;
  const rests: number[] = [];
  const activity = activityCounter();
  const pacer = new Pacer(activity, BUSY_SHARE, () => now, (ms) => {
    rests.push(ms);
    now += ms;
  });
  const work = (steps: number, busy: boolean) => {
    for (let i = 0; i < steps; i++) {
      now += msPerStep;
      if (busy) touch(activity);
      pacer.step();
    }
  };
  return { pacer, rests, work, now: () => now };
}

describe("snapshot builder pacing", () => {
  it("never rests while the server is idle", () => {
    const p = paced(0.05);
    p.work(100_000, false);
    expect(p.rests).toEqual([]);
    expect(p.pacer.worked()).toBeCloseTo(5_000, 6);
  });

  it("works BUSY_SHARE of the time while requests come in, in slices of about SLICE_MS", () => {
    const p = paced(0.05);
    p.work(100_000, true);
    expect(p.rests.length).toBeGreaterThan(100);
    for (const ms of p.rests) expect(ms).toBeGreaterThanOrEqual(SLICE_MS * (1 / BUSY_SHARE - 1));
    // 5 s of work took about 5 / BUSY_SHARE s of wall clock; worked() leaves the rests out.
    expect(p.pacer.worked()).toBeCloseTo(5_000, 6);
    expect(p.now() / p.pacer.worked()).toBeGreaterThan(1 / BUSY_SHARE - 0.5);
    expect(p.now() / p.pacer.worked()).toBeLessThan(1 / BUSY_SHARE + 0.5);
  });

  it("rests in proportion after one long unit of work when the server was busy meanwhile", () => {
    const activity = activityCounter();
    let now = 0;
    const rests: number[] = [];
    const pacer = new Pacer(activity, BUSY_SHARE, () => now, (ms) => void rests.push(ms));
    now += 700; // a whole graph serialized at once, nobody asking meanwhile
    pacer.look();
    expect(rests).toEqual([]);
    now += 700; // again, with a request answered meanwhile
    touch(activity);
    pacer.look();
    expect(rests).toEqual([700 * (1 / BUSY_SHARE - 1)]);
  });
});
