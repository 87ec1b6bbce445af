// The command as it ships (scripts/server-bundle.mjs, scripts/split-bundle.mjs): a small launcher
// that runs command.cjs from V8's code cache (src/launcher.ts), command.cjs holding what every start
// runs, and lazy/ files loaded on first use that share its modules. Checked on the tests' bundle,
// which the global set-up makes the same way (test/helpers/serverBundle.ts).
import { execFileSync, spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { BUILD_MARK, BUNDLE_FILE, buildOf, cachedDataFor, cacheHead, CODE_CACHE_FILE } from "../src/codeCache.js";
import { TEST_SERVER } from "./helpers/serverBundle.js";

const launcher = readFileSync(TEST_SERVER, "utf8");
const first = readFileSync(join(dirname(TEST_SERVER), BUNDLE_FILE), "utf8");
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

describe("the launcher and its code cache", () => {
  it("is a small file of its own that runs command.cjs, whose last line names the build", () => {
    expect(launcher.startsWith('#!/usr/bin/env node\n"use strict";\n')).toBe(true);
    expect(launcher.length).toBeLessThan(8_000);
    expect(launcher).not.toContain("function startServer(");
    expect(first).toContain("function startServer(");
    expect(buildOf(first)).toMatch(/^[0-9a-f]{16}$/);
    expect(first.trimEnd().split("\n").at(-1)).toBe(`${BUILD_MARK}${buildOf(first)}`);
  });

  it("compiles the bundle from the cache the build made, which V8 takes", () => {
    const cache = readFileSync(join(dirname(TEST_SERVER), CODE_CACHE_FILE));
    expect(cache.subarray(0, 40).toString("latin1").startsWith(cacheHead(buildOf(first)!))).toBe(true);
    const r = spawnSync(process.execPath, [TEST_SERVER, "--version"], { env: { ...process.env, NODE_DEBUG: "ecs-local" }, encoding: "utf8" });
    expect(r.stderr).toContain("ecs-local: code cache accepted");
    expect(r.stdout.trim()).toBe(execFileSync(process.execPath, [join(dirname(TEST_SERVER), BUNDLE_FILE), "--version"], { encoding: "utf8" }).trim());
  });

  it("offers V8 no cache made of another build or by another V8", () => {
    const build = buildOf(`x;\n${BUILD_MARK}00112233aabbccdd\n`);
    expect(build).toBe("00112233aabbccdd");
    const data = Buffer.from([1, 2, 3]);
    const made = (head: string) => Buffer.concat([Buffer.from(head), data]);
    expect(cachedDataFor(build, made(cacheHead("00112233aabbccdd")))).toEqual(data);
    expect(cachedDataFor(build, made(cacheHead("00112233aabbccde")))).toBeUndefined();
    expect(cachedDataFor(build, made(`00112233aabbccdd 0.0.0\n`))).toBeUndefined();
    expect(cachedDataFor(buildOf("x;\n"), made(cacheHead("00112233aabbccdd")))).toBeUndefined();
    expect(cachedDataFor(build, undefined)).toBeUndefined();
  });
});
