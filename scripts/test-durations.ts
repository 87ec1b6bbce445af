// Writes test/durations.json, the seconds each test file took (its hooks included), for the
// sequencer that starts the longest files first (test/helpers/sequencer.ts), from the lines a run
// with ECS_LOCAL_TEST_CPU writes (test/helpers/cpuReport.ts). After a full run on a quiet machine:
//   ECS_LOCAL_TEST_CPU=/tmp/files.jsonl npx vitest run && npx tsx scripts/test-durations.ts /tmp/files.jsonl
import { readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { REPO_ROOT } from "../src/paths.js";

const lines = readFileSync(process.argv[2] ?? "/dev/stdin", "utf8").split("\n").filter(Boolean);
const rows = lines
  .map((l) => JSON.parse(l) as { file: string; wall: number })
  .map((r) => [relative(REPO_ROOT, r.file), Math.round(r.wall * 10) / 10] as const)
  .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
writeFileSync(join(REPO_ROOT, "test", "durations.json"), `${JSON.stringify(Object.fromEntries(rows), null, 1)}\n`);
process.stdout.write(`test/durations.json: ${rows.length} files\n`);
