// The command as it ships (scripts/split-bundle.mjs): a first file holding what every start runs,
// and lazy/ files loaded on first use that share the first file's modules. Checked on the tests'
// bundle, which the global set-up makes the same way (test/helpers/serverBundle.ts).
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { TEST_SERVER } from "./helpers/serverBundle.js";

const first = readFileSync(TEST_SERVER, "utf8");
const lazyDir = join(dirname(TEST_SERVER), "lazy");
const lazy = new Map(readdirSync(lazyDir).map((f) => [f, readFileSync(join(lazyDir, f), "utf8")]));
/** The first file's chunks that lazy files reach: the keys of its `chunks` table. */
const own = new Set([...first.matchAll(/"([\w-]+\.js)":\s*\(\)\s*=>/g)].map((m) => m[1]));
const depsOf = (text: string): string[] => JSON.parse(/^exports\.deps = (\[.*\]);$/m.exec(text)![1]) as string[];

describe("the command's files", () => {
  it("keeps operations and CloudFormation's engine out of the first file, in files of their own", () => {
    expect(first.startsWith('#!/usr/bin/env node\n"use strict";\n')).toBe(true);
    // One file per operation at least: ECS alone has 77.
    expect(lazy.size).toBeGreaterThan(500);
    const listClusters = [...lazy.keys()].filter((f) => /^listClusters-\w+\.cjs$/.test(f));
    expect(listClusters).toHaveLength(1);
    expect(first).not.toMatch(/\blistClusters\s*=/);
    expect(first).not.toContain("function wakeIfSettled(");
    expect([...lazy.values()].filter((t) => t.includes("function wakeIfSettled("))).toHaveLength(1);
  });

  it("keeps what a start does not run out of the first file: persistence's replay, the snapshot builder, Auto Scaling's group code, ECS's Express watcher and instance agent", () => {
    // Each is the definition of one module (or a Node module only it needs), present in one lazy file.
    // (node:v8 is in the first file since the command sets V8's tiering flag first: src/jitTiering.ts;
    // the snapshot codec that serializes with it is not.)
    const parts = ["function attachPersistence(", "function replayJournal(", "function encodeGraph(", "function onInstanceChange(", "function followExpress(", "function instanceAgent(", 'require("node:dgram")'];
    for (const part of parts) {
      expect(first, part).not.toContain(part);
      expect([...lazy.values()].filter((t) => t.includes(part)), part).toHaveLength(1);
    }
    // Threads: the snapshot builder's module is lazy; the journal's writer (tail.ts, imported at every
    // start) requires node:worker_threads only when a state directory starts one.
    // (An import, as esbuild writes one: the writer's own source, run in its thread, requires it too.)
    const threads = /\bimport_node_worker_threads\d*=require\("node:worker_threads"\)/;
    expect(first).not.toMatch(threads);
    expect([...lazy.values()].filter((t) => threads.test(t))).toHaveLength(1);
    expect(first).not.toContain('require("node:perf_hooks")');
  });

  it("every lazy file's imports are lazy files or chunks the first file hands out, and no relative path is left", () => {
    const missing: string[] = [];
    for (const [file, text] of lazy) {
      expect(text.startsWith('"use strict";\nexports.deps = ')).toBe(true);
      for (const dep of depsOf(text)) if (!own.has(dep) && !lazy.has(dep.replace(/\.js$/, ".cjs"))) missing.push(`${file} → ${dep}`);
      expect(text).not.toMatch(/\b(require|import)\("\.\.?\//);
    }
    expect(missing).toEqual([]);
    expect(first).not.toMatch(/\b(import)\("\.\.?\//);
    expect(own.size).toBeGreaterThan(10);
  });
});
