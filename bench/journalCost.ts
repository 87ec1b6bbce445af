// npx tsx bench/journalCost.ts [entries] [batch]: what the journal costs an entry, in process: the
// commit of `batch` entries per transaction into a fresh state.db (the default --state-sync normal),
// as persistence writes a RegisterTaskDefinition request (its context and input), in µs of CPU per entry.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Entry, Journal as JournalClass } from "../src/state/persist/journal.js";

// JOURNAL_MODULE: another build's journal.ts to measure against (an A/B in the same process).
const { Journal } = (await import(process.env.JOURNAL_MODULE ?? "../src/state/persist/journal.js")) as { Journal: typeof JournalClass };

const total = Number(process.argv[2] ?? 200_000);
const batch = Number(process.argv[3] ?? 8);
const context = { accountId: "000000000000", region: "us-east-1", requestId: "8d3c1b52-4c2e-4f0e-9a49-7f3b1c1d2e3f", accessKeyId: "AKIAIOSFODNN7EXAMPLE" };
const input = { family: "bench-rtd", containerDefinitions: [{ name: "app", image: "public.ecr.aws/docker/library/busybox:latest", memory: 6, essential: true }] };

function entry(i: number): Entry {
  return { kind: "op", at: 1_765_000_000_000 + i, service: "ecs", operation: "RegisterTaskDefinition", context: JSON.stringify({ ...context, requestId: `${context.requestId.slice(0, -6)}${String(i).padStart(6, "0")}` }), input: JSON.stringify(input) };
}

function run(): number {
  const dir = mkdtempSync(join(tmpdir(), "ecs-local-journal-cost-"));
  const journal = Journal.open(dir);
  try {
    const batches: Entry[][] = [];
    for (let i = 0; i < total; i += batch) batches.push(Array.from({ length: batch }, (_, j) => entry(i + j)));
    // CPU time, not wall time: on a shared machine the wall clock measures the neighbours.
    const before = process.cpuUsage();
    for (const entries of batches) journal.commit(entries);
    const used = process.cpuUsage(before);
    return (used.user + used.system) / total;
  } finally {
    journal.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const runs = [run(), run(), run()].sort((a, b) => a - b);
process.stdout.write(`journal (${process.env.JOURNAL_MODULE ?? "this build"}): ${total} entries, ${batch} per commit: ${runs[1].toFixed(2)} µs of CPU per entry (median of 3; ${runs.map((r) => r.toFixed(2)).join(", ")})\n`);
