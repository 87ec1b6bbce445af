// The warm-up after start (src/warmUp.ts) waits while requests come and runs in short slices.
import { describe, expect, it } from "vitest";
import { startWarmUp } from "../src/warmUp.js";

function recorder(n: number, fail?: number) {
  const ran: number[] = [];
  function* steps(): Generator<() => Promise<void> | undefined> {
    for (let i = 0; i < n; i++)
      yield () => {
        ran.push(i);
        if (i === fail) throw new Error(`step ${i} failed`);
        return i % 2 ? Promise.resolve() : undefined;
      };
  }
  return { ran, steps: steps() };
}

const until = async (ok: () => boolean): Promise<void> => {
  while (!ok()) await new Promise((r) => setTimeout(r, 5));
};

describe("warm-up", () => {
  it("runs every step in order, reporting a failed step and going on", async () => {
    const { ran, steps } = recorder(20, 7);
    const errors: unknown[] = [];
    startWarmUp(steps, (e) => errors.push(e), { delayMs: 0, idleMs: 0 });
    await until(() => ran.length === 20);
    expect(ran).toEqual([...Array(20).keys()]);
    expect(errors.map((e) => (e as Error).message)).toEqual(["step 7 failed"]);
  });

  it("ends, reporting it, when its steps cannot be listed", async () => {
    const errors: unknown[] = [];
    let ran = 0;
    function* steps(): Generator<() => undefined> {
      yield () => void ran++;
      throw new Error("no schemas");
    }
    startWarmUp(steps(), (e) => errors.push(e), { delayMs: 0, idleMs: 0 });
    await until(() => errors.length > 0);
    await new Promise((r) => setTimeout(r, 20));
    expect(ran).toBe(1);
    expect(errors.map((e) => (e as Error).message)).toEqual(["no schemas"]);
  });

  it("runs nothing while requests keep coming", async () => {
    const { ran, steps } = recorder(5);
    const warm = startWarmUp(steps, () => undefined, { delayMs: 0, idleMs: 60_000 });
    warm.touch();
    await new Promise((r) => setTimeout(r, 100));
    expect(ran).toEqual([]);
    warm.stop();
  });

  it("gives the event loop a turn between slices", async () => {
    const { ran, steps } = recorder(10);
    let turns = 0;
    const seen: number[] = [];
    const tick = (): void => {
      turns++;
      if (ran.length < 10) setImmediate(tick);
    };
    // A slice of 0 ms holds one step: every step after the first comes in a turn of its own.
    startWarmUp(
      (function* () {
        for (let next = steps.next(); !next.done; next = steps.next()) {
          const step = next.value;
          yield () => (seen.push(turns), step());
        }
      })(),
      () => undefined,
      { delayMs: 0, idleMs: 0, sliceMs: 0 },
    );
    setImmediate(tick);
    await until(() => ran.length === 10);
    expect(new Set(seen).size).toBe(10);
  });

  it("stops when asked, between steps", async () => {
    const { ran, steps } = recorder(1000);
    const warm = startWarmUp(steps, () => undefined, { delayMs: 0, idleMs: 0, sliceMs: 0 });
    await until(() => ran.length >= 3);
    warm.stop();
    const at = ran.length;
    await new Promise((r) => setTimeout(r, 50));
    expect(ran.length).toBe(at);
  });
});
