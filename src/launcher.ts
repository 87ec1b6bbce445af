// The command's first file as the package ships it (scripts/server-bundle.mjs bundles this module
// alone as ecs-local.cjs): it sets V8's tiering flag, then runs the server's bundle (command.cjs
// beside it) compiled from the V8 code cache the build made of it (scripts/code-cache.mjs), when
// one fits. Compiling the bundle's 680 KB, and then each function the start and the first request
// run, took about 13 ms of the 110 to the first answer; from the cache, the same start answered at
// 97 (README, "Start-up").
//
// The flag is set before the bundle is compiled, as in the start that made the cache: V8 accepts a
// cache only under the flags it was made with. A cache another build or another V8 made is never
// offered: its first line names the build (the bundle's last line) and the V8 it was made by. V8's
// own check of the source is its length; the build's name covers an edit of the same length.
import "./jitTiering.js";
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Script } from "node:vm";
import { BUNDLE_FILE, buildOf, CODE_CACHE_FILE, cacheHead, cachedDataFor, WRITE_CODE_CACHE } from "./codeCache.js";

function readCache(path: string): Buffer | undefined {
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
}

function launch(): void {
  const dir = dirname(fileURLToPath(import.meta.url));
  const file = join(dir, BUNDLE_FILE);
  // Its `#!` line would end the function around it: two slashes of the same length keep every
  // position (stack traces' lines and columns) as Node's own loader gives them.
  const source = readFileSync(file, "utf8").replace(/^#!/, "//");
  const build = buildOf(source);
  const cachedData = cachedDataFor(build, readCache(join(dir, CODE_CACHE_FILE)));
  // Node's wrapper for a CommonJS file: the bundle runs as it does when Node loads it.
  const script = new Script(`(function (exports, require, module, __filename, __dirname) { ${source}\n});`, { filename: file, cachedData });
  if (process.env.NODE_DEBUG?.split(",").includes("ecs-local")) {
    process.stderr.write(`ecs-local: code cache ${cachedData ? (script.cachedDataRejected ? "rejected" : "accepted") : "absent"}\n`);
  }
  const out = process.env[WRITE_CODE_CACHE];
  if (out && build) process.on("exit", () => writeFileSync(out, Buffer.concat([Buffer.from(cacheHead(build)), script.createCachedData()])));
  const module = { exports: {} };
  (script.runInThisContext() as (...args: unknown[]) => void).call(module.exports, module.exports, createRequire(file), module, file, dir);
}

launch();
