import { readlinkSync } from "node:fs";
import { getPriority } from "node:os";
import { describe, expect, it } from "vitest";
import { BACKGROUND_NICE, toBackground } from "../../src/state/persist/threadPriority.js";

const linux = process.platform === "linux";
const tid = (): number => Number(readlinkSync("/proc/thread-self").split("/").pop());

describe.skipIf(!linux)("a snapshot builder's thread priority", () => {
  it("goes to the background only for this thread and comes back", () => {
    const before = getPriority(tid());
    const processWide = getPriority();
    const p = toBackground();
    if (p.lowered) {
      expect(getPriority(tid())).toBe(BACKGROUND_NICE);
    } else {
      // Without the privilege to come back the thread is left at most one step lower.
      expect(getPriority(tid()) - before).toBeLessThanOrEqual(1);
    }
    // setpriority on a thread id: the process's main thread keeps its priority.
    if (tid() !== process.pid) expect(getPriority()).toBe(processWide);
    p.restore();
    if (p.lowered) expect(getPriority(tid())).toBe(before);
  });

  it("leaves a thread already at the background value as it is", () => {
    const p = toBackground(getPriority(tid()));
    expect(p.lowered).toBe(false);
  });
});
