import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    // Vitest's default on two cores is one worker; much of the suite waits on child processes (the
    // aws CLI, npm, Docker, Chromium), so two files at a time take about a fifth less wall time.
    maxWorkers: 2,
    minWorkers: 1,
    globalSetup: ["test/helpers/consoleBuild.ts"],
    // ECS_LOCAL_TEST_CPU=<file>: the CPU each test file used, one JSON line per file (test/helpers/cpuReport.ts).
    setupFiles: process.env.ECS_LOCAL_TEST_CPU ? ["test/helpers/cpuReport.ts"] : [],
  },
});
