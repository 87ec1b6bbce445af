import { defineConfig } from "vitest/config";
import { LongestFirst } from "./test/helpers/sequencer.js";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // A busy two-core machine: a Docker engine building an image beside a test can take tens of seconds to start a container.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: "forks",
    // A worker runs its files one after another in one module graph: the server's modules are loaded
    // once per worker instead of once per file, which was half the suite's CPU. Every file starts its
    // own servers and closes them, and state belongs to a server instance, so files stay independent.
    isolate: false,
    // The longest files first (test/durations.json), so that none starts last with the other worker idle.
    sequence: { sequencer: LongestFirst },
    // Vitest's default on two cores is one worker. Much of the suite waits on other processes (the
    // aws CLI, npm, a Docker engine building an image or starting containers, Chromium) while the
    // type check, the package build and the CDK keep a core busy: three files at a time fill the two
    // cores (a clean clone's npm test took 216 s with three, 222 s with four: the suite is CPU-bound
    // beyond three, and 283 s with two and the type check first).
    maxWorkers: 3,
    // As many kept as started: a fork ended for being idle while the run closed made tinypool reject
    // with "Terminating worker thread" once after every file had passed (see vitest-dev/vitest#8564).
    minWorkers: 3,
    globalSetup: ["test/helpers/globalSetup.ts"],
    // ECS_LOCAL_TEST_CPU=<file>: the CPU each test file used, one JSON line per file (test/helpers/cpuReport.ts).
    setupFiles: process.env.ECS_LOCAL_TEST_CPU ? ["test/helpers/cpuReport.ts"] : [],
  },
});
