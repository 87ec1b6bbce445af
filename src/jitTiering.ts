// How soon V8 optimizes the server's code, set by the command before any other module loads: a
// function made before the flag changes keeps the old budget for its first count (set after the
// start, a test function still took 3,160 calls to reach TurboFan against 4,200; made after, 2,550
// against 4,960). Loading node:v8 for it costs the start about 2 ms.
// V8 11 (Node 20) sends a function to its optimizing compiler once it has spent an interrupt budget
// (67,584 by default). The server's request paths are long and shared by many operations, and a
// bench phase's first second ran at half speed while that budget ran out (README, "Round ten").
// A quarter of it, measured on this two-core machine: the Auto Scaling chain reached full speed
// within half a second instead of one and a half, and in the steady state after a warm-up the
// server's CPU per unit fell 16–21% for RunTask (count 10) and the service chain, and 14–20% for
// the IAM and CloudFormation chains in one of two A/Bs, with no phase worse in both. Node 22 and 24
// (V8 12 and 13) tier by invocation counts with Maglev between, have no such flag (an unknown flag
// prints an error), and are left to their defaults.
import { setFlagsFromString } from "node:v8";

const BUDGET = "--interrupt-budget=16896";

/** The V8 flags the command sets for itself: none when the user chose the budget, or on other V8s. */
export function tieringFlags(v8Version: string, execArgv: readonly string[]): string[] {
  if (Number(v8Version.split(".")[0]) !== 11) return [];
  if (execArgv.some((a) => a.startsWith("--interrupt-budget") || a.startsWith("--interrupt_budget"))) return [];
  return [BUDGET];
}

// For this process (every thread: V8's flags are the process's).
for (const flag of tieringFlags(process.versions.v8, process.execArgv)) setFlagsFromString(flag);
