// With ECS_LOCAL_TEST_CPU=<file>, each test file appends the CPU its worker process and the children
// it waited for used (user + system, from /proc/self/stat), to find which files cost the most on a
// two-core machine, where CPU, not waiting, sets the suite's time. Linux only; off by default.
import { appendFileSync, readFileSync } from "node:fs";
import { afterAll, beforeAll } from "vitest";

const out = process.env.ECS_LOCAL_TEST_CPU;
const ticks = (): number => {
  // Fields 14–17 of /proc/<pid>/stat: utime, stime, cutime, cstime, in clock ticks (100 a second).
  const fields = readFileSync("/proc/self/stat", "utf8").split(") ")[1].split(" ");
  return [11, 12, 13, 14].reduce((sum, i) => sum + Number(fields[i]), 0);
};

if (out) {
  let file = "";
  let wall = 0;
  let start = 0;
  beforeAll((suite) => {
    file = (suite as { file?: { filepath?: string } }).file?.filepath ?? "";
    wall = Date.now();
    start = ticks();
  });
  // From the file's first hook: a worker runs several files (vitest.config.ts, isolate: false), and
  // the modules they share are loaded by whichever file comes first.
  afterAll(() => {
    appendFileSync(out, `${JSON.stringify({ file, pid: process.pid, cpu: (ticks() - start) / 100, wall: (Date.now() - wall) / 1000, startedAt: wall })}\n`);
  });
}
