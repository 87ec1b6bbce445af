// The background timeline and timers further away than setTimeout can wait (2^31-1 ms, ~24.8 days),
// as a log group's retention of years schedules them.
import { afterEach, expect, it, vi } from "vitest";
import { Timeline } from "../src/engine/timeline.js";

afterEach(() => vi.useRealTimers());

it("fires a timer weeks away when its time comes, not at once", () => {
  vi.useFakeTimers({ now: 0 });
  const timeline = new Timeline({ now: () => Date.now() }, true);
  const DAY = 86_400_000;
  let fired = 0;
  const armed = vi.spyOn(globalThis, "setTimeout");
  timeline.at(30 * DAY, () => fired++);
  // Past 2^31-1 ms Node fires a timeout at once: the wake-up is armed no further than that.
  expect(armed.mock.calls.map((c) => c[1])).toEqual([2 ** 31 - 1]);
  vi.advanceTimersByTime(1000);
  expect(fired).toBe(0);
  vi.advanceTimersByTime(25 * DAY);
  expect(fired).toBe(0);
  vi.advanceTimersByTime(5 * DAY);
  expect(fired).toBe(1);
});
